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
 */
export async function recomputeUsageFlags(client: Client, where: Prisma.Sql): Promise<number> {
  return client.$executeRaw`
    WITH sessions AS (SELECT DISTINCT e."sessionKey" FROM "UsageEvent" e WHERE ${where}),
    w AS (
      SELECT u."id",
             coalesce(lead(u."occurredAt") OVER link > u."occurredAt" + interval '30 seconds', TRUE) AS "isCounted",
             (u."kind" IN ('investigation', 'request') AND row_number() OVER item = 1) AS "isUniqueItem",
             (u."kind" = 'request' AND row_number() OVER request = 1) AS "isUniqueRequest"
        FROM "UsageEvent" u JOIN sessions s ON s."sessionKey" = u."sessionKey"
       WHERE u."kind" <> 'search'
      WINDOW link AS (PARTITION BY u."sessionKey", u."articleId", u."target", u."kind" = 'no_license' ORDER BY u."occurredAt", u."id"),
             item AS (PARTITION BY u."sessionKey", u."articleId", u."kind" IN ('investigation', 'request') ORDER BY u."occurredAt", u."id"),
             request AS (PARTITION BY u."sessionKey", u."articleId", u."kind" = 'request' ORDER BY u."occurredAt", u."id")
    )
    UPDATE "UsageEvent" t
       SET "isCounted" = w."isCounted", "isUniqueItem" = w."isUniqueItem", "isUniqueRequest" = w."isUniqueRequest"
      FROM w
     WHERE t."id" = w."id"
       AND (t."isCounted", t."isUniqueItem", t."isUniqueRequest") IS DISTINCT FROM (w."isCounted", w."isUniqueItem", w."isUniqueRequest")`;
}
