-- AlterTable
ALTER TABLE "InstitutionIdp" ADD COLUMN     "allowIdpInitiated" BOOLEAN NOT NULL DEFAULT false;

-- Requests still waiting (15 minutes at most) were started by browsers nothing identifies: they
-- can no longer be answered, so they go.
DELETE FROM "SamlAuthnRequest";

-- AlterTable
ALTER TABLE "SamlAuthnRequest" ADD COLUMN     "browserHash" TEXT NOT NULL;
