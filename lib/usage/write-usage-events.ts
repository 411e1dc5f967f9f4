import 'server-only';
import { Prisma } from '@/generated/prisma/client';

type Client = Pick<Prisma.TransactionClient, '$executeRaw'>;

/**
 * Inserts usage events with COUNTER's flags already set, and sets again those of the earlier events
 * they change: `isCounted` false for a use followed by another of the same link by the same
 * session within 30 s (of a chain only the last counts, §7.2: "the first is removed and the second
 * retained"); `isUniqueItem` / `isUniqueRequest` on the session's first Investigation (or Request)
 * and first Request of each article (§7.3).
 *
 * `incoming` is a SELECT of the events' columns ("occurredAt", "institutionId", "userId",
 * "sessionKey", "articleId", "journalId", "yop", "accessType", "kind", "target"). The flags are set
 * before the rows exist (inserting, then updating every new row, cost twice the writing), and only
 * the earlier events a batch can change are read (a bench session is every use of one reader:
 * recomputing all of it at each batch made writing cost O(session²)). On each link the new events
 * use, those are the earlier uses between the link's first and last new use, the one just before
 * (it becomes a double-click if a new use follows within 30 s; no other earlier use can change)
 * and the one just after (which can make the last new one a double-click); in each session's
 * article, the earliest Investigation and Request (unique items, which only a new use of that kind
 * can take over). Over that set, the next use on a link is the true next one for every use but the
 * one just after (which keeps its `isCounted`), and each article's first use is its true first.
 * `mayFollowEarlierEvents: false` (generated usage whose sessions are its own) skips those reads.
 *
 * In the same statement it keeps "UsageMonthCount" exact: each new event adds what its flags
 * count; every earlier event whose flags change adds the difference. Writers must not run at once
 * (lib/usage/usage-event-buffer.ts holds an advisory lock): each would miss the other's events.
 */
export async function writeUsageEvents(
  client: Client,
  incoming: Prisma.Sql,
  { mayFollowEarlierEvents }: { mayFollowEarlierEvents: boolean },
): Promise<void> {
  const sameLink = Prisma.sql`o."sessionKey" = l."sessionKey" AND o."articleId" = l."articleId" AND o."target" = l."target"
           AND (o."kind" = 'no_license') = l."denied"`;
  const earlier = mayFollowEarlierEvents
    ? Prisma.sql`
      SELECT r."id", TRUE AS "recount" FROM links l CROSS JOIN LATERAL (
        SELECT o."id" FROM "UsageEvent" o WHERE ${sameLink} AND o."occurredAt" BETWEEN l."from" AND l."to" OFFSET 0) r
      UNION ALL
      SELECT b."id", TRUE FROM links l CROSS JOIN LATERAL (
        SELECT o."id" FROM "UsageEvent" o WHERE ${sameLink} AND o."occurredAt" < l."from"
         ORDER BY o."occurredAt" DESC, o."id" DESC LIMIT 1) b
      UNION ALL
      SELECT a."id", FALSE FROM links l CROSS JOIN LATERAL (
        SELECT o."id" FROM "UsageEvent" o WHERE ${sameLink} AND o."occurredAt" > l."to"
         ORDER BY o."occurredAt", o."id" LIMIT 1) a
      UNION ALL
      SELECT f."id", FALSE FROM (SELECT DISTINCT "sessionKey", "articleId" FROM n WHERE "kind" <> 'no_license') p
       CROSS JOIN LATERAL (
         SELECT o."id" FROM "UsageEvent" o
          WHERE o."sessionKey" = p."sessionKey" AND o."articleId" = p."articleId" AND o."kind" IN ('investigation', 'request')
          ORDER BY o."occurredAt", o."id" LIMIT 1) f
      UNION ALL
      SELECT f."id", FALSE FROM (SELECT DISTINCT "sessionKey", "articleId" FROM n WHERE "kind" = 'request') p
       CROSS JOIN LATERAL (
         SELECT o."id" FROM "UsageEvent" o
          WHERE o."sessionKey" = p."sessionKey" AND o."articleId" = p."articleId" AND o."kind" = 'request'
          ORDER BY o."occurredAt", o."id" LIMIT 1) f`
    : Prisma.sql`SELECT NULL::bigint AS "id", FALSE AS "recount" WHERE FALSE`;
  const statement = Prisma.sql`
    WITH incoming AS MATERIALIZED (
      SELECT nextval(pg_get_serial_sequence('"UsageEvent"', 'id')) AS "id", i.* FROM (${incoming}) i
    ),
    n AS (SELECT * FROM incoming WHERE "kind" <> 'search'),
    links AS (
      SELECT "sessionKey", "articleId", "target", "kind" = 'no_license' AS "denied",
             min("occurredAt") AS "from", max("occurredAt") AS "to"
        FROM n GROUP BY 1, 2, 3, 4
    ),
    earlier AS (${earlier}),
    -- "recount": the next use on its link is known (see above), so isCounted is computed.
    picked AS (
      SELECT n."id", n."institutionId", n."occurredAt", n."sessionKey", n."articleId", n."journalId", n."yop",
             n."accessType", n."kind", n."target", TRUE AS "isNew", TRUE AS "recount",
             TRUE AS "wasCounted", FALSE AS "wasUniqueItem", FALSE AS "wasUniqueRequest"
        FROM n
      UNION ALL
      SELECT u."id", u."institutionId", u."occurredAt", u."sessionKey", u."articleId", u."journalId", u."yop",
             u."accessType", u."kind", u."target", FALSE, e."recount",
             u."isCounted", u."isUniqueItem", u."isUniqueRequest"
        FROM (SELECT "id", bool_or("recount") AS "recount" FROM earlier GROUP BY "id") e
        CROSS JOIN LATERAL (SELECT * FROM "UsageEvent" x WHERE x."id" = e."id" OFFSET 0) u
    ),
    w AS (
      SELECT p."id", p."institutionId", p."occurredAt", p."articleId", p."journalId", p."yop", p."accessType", p."kind",
             p."isNew", p."wasCounted", p."wasUniqueItem", p."wasUniqueRequest",
             CASE WHEN p."recount" THEN coalesce(lead(p."occurredAt") OVER link > p."occurredAt" + interval '30 seconds', TRUE)
                  ELSE p."wasCounted" END AS "isCounted",
             (p."kind" IN ('investigation', 'request') AND row_number() OVER item = 1) AS "isUniqueItem",
             (p."kind" = 'request' AND row_number() OVER request = 1) AS "isUniqueRequest"
        FROM picked p
      WINDOW link AS (PARTITION BY p."sessionKey", p."articleId", p."target", p."kind" = 'no_license' ORDER BY p."occurredAt", p."id"),
             item AS (PARTITION BY p."sessionKey", p."articleId", p."kind" IN ('investigation', 'request') ORDER BY p."occurredAt", p."id"),
             request AS (PARTITION BY p."sessionKey", p."articleId", p."kind" = 'request' ORDER BY p."occurredAt", p."id")
    ),
    changed AS (
      SELECT * FROM w
       WHERE "isNew" OR ("isCounted", "isUniqueItem", "isUniqueRequest") IS DISTINCT FROM ("wasCounted", "wasUniqueItem", "wasUniqueRequest")
    ),
    inserted AS (
      INSERT INTO "UsageEvent" ("id", "occurredAt", "institutionId", "userId", "sessionKey", "articleId", "journalId", "yop",
             "accessType", "kind", "target", "isCounted", "isUniqueItem", "isUniqueRequest")
      SELECT i."id", i."occurredAt", i."institutionId", i."userId", i."sessionKey", i."articleId", i."journalId", i."yop",
             i."accessType", i."kind", i."target",
             coalesce(c."isCounted", TRUE), coalesce(c."isUniqueItem", FALSE), coalesce(c."isUniqueRequest", FALSE)
        FROM incoming i LEFT JOIN changed c ON c."id" = i."id" AND c."isNew"
    ),
    updated AS (
      UPDATE "UsageEvent" t
         SET "isCounted" = c."isCounted", "isUniqueItem" = c."isUniqueItem", "isUniqueRequest" = c."isUniqueRequest"
        FROM changed c
       WHERE NOT c."isNew" AND t."id" = c."id"
         AND t."id" = ANY((SELECT array_agg("id") FROM changed WHERE NOT "isNew")::bigint[])
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
  await client.$executeRaw(statement);
}
