-- CreateTable
CREATE TABLE "UsageMonthCount" (
    "institutionId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "articleId" TEXT NOT NULL,
    "journalId" TEXT NOT NULL,
    "yop" INTEGER NOT NULL,
    "accessType" "CounterAccessType" NOT NULL,
    "totalInvestigations" INTEGER NOT NULL DEFAULT 0,
    "totalRequests" INTEGER NOT NULL DEFAULT 0,
    "uniqueInvestigations" INTEGER NOT NULL DEFAULT 0,
    "uniqueRequests" INTEGER NOT NULL DEFAULT 0,
    "noLicense" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "UsageMonthCount_pkey" PRIMARY KEY ("institutionId","month","articleId","yop","accessType","journalId")
);

-- The counts of the events already recorded (their flags are set), as lib/usage/recompute-usage-flags.ts keeps them.
INSERT INTO "UsageMonthCount" ("institutionId", "month", "articleId", "journalId", "yop", "accessType",
       "totalInvestigations", "totalRequests", "uniqueInvestigations", "uniqueRequests", "noLicense")
SELECT coalesce(e."institutionId", ''), date_trunc('month', e."occurredAt")::date, e."articleId", e."journalId",
       coalesce(e."yop", 0), e."accessType",
       (count(*) FILTER (WHERE e."isCounted" AND e."kind" <> 'no_license'))::int,
       (count(*) FILTER (WHERE e."isCounted" AND e."kind" = 'request'))::int,
       (count(*) FILTER (WHERE e."isUniqueItem"))::int,
       (count(*) FILTER (WHERE e."isUniqueRequest"))::int,
       (count(*) FILTER (WHERE e."isCounted" AND e."kind" = 'no_license'))::int
  FROM "UsageEvent" e
 WHERE e."kind" <> 'search' AND e."articleId" IS NOT NULL AND e."journalId" IS NOT NULL AND e."accessType" IS NOT NULL
 GROUP BY 1, 2, 3, 4, 5, 6;
