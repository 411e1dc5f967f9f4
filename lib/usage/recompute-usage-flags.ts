import 'server-only';
import type { Prisma } from '@/generated/prisma/client';

type Client = Pick<Prisma.TransactionClient, '$executeRaw'>;

/**
 * Sets COUNTER's flags on the events `where` picks (a fragment over "UsageEvent" e), from all the
 * events of their sessions: `isCounted` false for a use followed by another of the same link by
 * the same session within 30 s (of a chain only the last counts, §7.2: "the first is removed and
 * the second retained"); `isUniqueItem` / `isUniqueRequest` on the session's first Investigation
 * (or Request) and first Request of each article (§7.3). Sessions are a day or an hour long, so
 * recomputing a batch's sessions is small work. Only rows whose flags change are written.
 *
 * In the same statement it keeps "UsageMonthCount" exact: each event `isNew` picks (a fragment
 * over u: the ones just inserted, not yet counted there) adds what its flags count; every other
 * event whose flags change adds the difference. Call it in the transaction that inserted them.
 */
export async function recomputeUsageFlags(client: Client, where: Prisma.Sql, isNew: Prisma.Sql): Promise<void> {
  await client.$executeRaw`
    WITH sessions AS (SELECT DISTINCT e."sessionKey" FROM "UsageEvent" e WHERE ${where}),
    w AS (
      SELECT u."id", u."institutionId", u."occurredAt", u."articleId", u."journalId", u."yop", u."accessType", u."kind",
             (${isNew}) AS "isNew",
             u."isCounted" AS "wasCounted", u."isUniqueItem" AS "wasUniqueItem", u."isUniqueRequest" AS "wasUniqueRequest",
             coalesce(lead(u."occurredAt") OVER link > u."occurredAt" + interval '30 seconds', TRUE) AS "isCounted",
             (u."kind" IN ('investigation', 'request') AND row_number() OVER item = 1) AS "isUniqueItem",
             (u."kind" = 'request' AND row_number() OVER request = 1) AS "isUniqueRequest"
        FROM "UsageEvent" u JOIN sessions s ON s."sessionKey" = u."sessionKey"
       WHERE u."kind" <> 'search'
      WINDOW link AS (PARTITION BY u."sessionKey", u."articleId", u."target", u."kind" = 'no_license' ORDER BY u."occurredAt", u."id"),
             item AS (PARTITION BY u."sessionKey", u."articleId", u."kind" IN ('investigation', 'request') ORDER BY u."occurredAt", u."id"),
             request AS (PARTITION BY u."sessionKey", u."articleId", u."kind" = 'request' ORDER BY u."occurredAt", u."id")
    ),
    changed AS (
      SELECT * FROM w
       WHERE "isNew" OR ("isCounted", "isUniqueItem", "isUniqueRequest") IS DISTINCT FROM ("wasCounted", "wasUniqueItem", "wasUniqueRequest")
    ),
    updated AS (
      UPDATE "UsageEvent" t
         SET "isCounted" = c."isCounted", "isUniqueItem" = c."isUniqueItem", "isUniqueRequest" = c."isUniqueRequest"
        FROM changed c
       WHERE t."id" = c."id"
         AND (t."isCounted", t."isUniqueItem", t."isUniqueRequest") IS DISTINCT FROM (c."isCounted", c."isUniqueItem", c."isUniqueRequest")
    ),
    -- What an event counts: a use not double-clicked is an Investigation (a Request too when it
    -- is one) or a No_License; the unique flags count as they are.
    counts AS (
      SELECT coalesce(c."institutionId", '') AS "institutionId", date_trunc('month', c."occurredAt")::date AS "month",
             c."articleId", c."journalId", coalesce(c."yop", 0) AS "yop", c."accessType",
             (c."isCounted" AND c."kind" <> 'no_license')::int - (NOT c."isNew" AND c."wasCounted" AND c."kind" <> 'no_license')::int AS "totalInvestigations",
             (c."isCounted" AND c."kind" = 'request')::int - (NOT c."isNew" AND c."wasCounted" AND c."kind" = 'request')::int AS "totalRequests",
             c."isUniqueItem"::int - (NOT c."isNew" AND c."wasUniqueItem")::int AS "uniqueInvestigations",
             c."isUniqueRequest"::int - (NOT c."isNew" AND c."wasUniqueRequest")::int AS "uniqueRequests",
             (c."isCounted" AND c."kind" = 'no_license')::int - (NOT c."isNew" AND c."wasCounted" AND c."kind" = 'no_license')::int AS "noLicense"
        FROM changed c
    ),
    delta AS (
      SELECT "institutionId", "month", "articleId", "journalId", "yop", "accessType",
             sum("totalInvestigations")::int AS "totalInvestigations", sum("totalRequests")::int AS "totalRequests",
             sum("uniqueInvestigations")::int AS "uniqueInvestigations", sum("uniqueRequests")::int AS "uniqueRequests",
             sum("noLicense")::int AS "noLicense"
        FROM counts GROUP BY 1, 2, 3, 4, 5, 6
    )
    INSERT INTO "UsageMonthCount" AS m ("institutionId", "month", "articleId", "journalId", "yop", "accessType",
           "totalInvestigations", "totalRequests", "uniqueInvestigations", "uniqueRequests", "noLicense")
    SELECT * FROM delta
     WHERE ("totalInvestigations", "totalRequests", "uniqueInvestigations", "uniqueRequests", "noLicense") <> (0, 0, 0, 0, 0)
    ON CONFLICT ("institutionId", "month", "articleId", "yop", "accessType", "journalId") DO UPDATE
       SET "totalInvestigations" = m."totalInvestigations" + excluded."totalInvestigations",
           "totalRequests" = m."totalRequests" + excluded."totalRequests",
           "uniqueInvestigations" = m."uniqueInvestigations" + excluded."uniqueInvestigations",
           "uniqueRequests" = m."uniqueRequests" + excluded."uniqueRequests",
           "noLicense" = m."noLicense" + excluded."noLicense"`;
}
