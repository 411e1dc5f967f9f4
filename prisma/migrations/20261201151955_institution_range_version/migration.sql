-- CreateTable
CREATE TABLE "InstitutionRangeVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "InstitutionRangeVersion_pkey" PRIMARY KEY ("id")
);

-- The counter every instance polls: one row, bumped by any insert, update or delete of ranges
-- through rules (one statement each, as the migration runner splits on semicolons), so no code
-- path that edits ranges can forget it.
INSERT INTO "InstitutionRangeVersion" ("id", "version") VALUES (1, 0);
CREATE RULE "InstitutionRange_bump_version_on_insert" AS ON INSERT TO "InstitutionRange" DO ALSO UPDATE "InstitutionRangeVersion" SET "version" = "version" + 1 WHERE "id" = 1;
CREATE RULE "InstitutionRange_bump_version_on_update" AS ON UPDATE TO "InstitutionRange" DO ALSO UPDATE "InstitutionRangeVersion" SET "version" = "version" + 1 WHERE "id" = 1;
CREATE RULE "InstitutionRange_bump_version_on_delete" AS ON DELETE TO "InstitutionRange" DO ALSO UPDATE "InstitutionRangeVersion" SET "version" = "version" + 1 WHERE "id" = 1;
