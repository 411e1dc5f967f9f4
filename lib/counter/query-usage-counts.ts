import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { db } from '@/lib/db';

export type UsageScope = {
  /** The customer; null for every institution and none (the admin's platform totals). */
  institutionId: string | null;
  /** First instant counted, and the first one after (UTC month starts). */
  begin: Date;
  end: Date;
  accessTypes?: ('Controlled' | 'Open')[];
  /** Inclusive year ranges. */
  yops?: [number, number][];
  articleIds?: string[];
};

/** One article's counts in one month, COUNTER's rules applied. */
export type ArticleMonthCounts = {
  articleId: string;
  journalId: string;
  accessType: 'Controlled' | 'Open';
  yop: number | null;
  month: string;
  totalInvestigations: number;
  totalRequests: number;
  uniqueInvestigations: number;
  uniqueRequests: number;
  noLicense: number;
};

function scopeFilter(scope: UsageScope): Prisma.Sql {
  const parts: Prisma.Sql[] = [
    scope.institutionId === null ? Prisma.sql`TRUE` : Prisma.sql`e."institutionId" = ${scope.institutionId}`,
    Prisma.sql`e."occurredAt" >= ${scope.begin} AND e."occurredAt" < ${scope.end}`,
  ];
  if (scope.accessTypes)
    parts.push(
      Prisma.sql`e."accessType"::text IN (${Prisma.join(scope.accessTypes.length ? scope.accessTypes : [''])})`,
    );
  if (scope.yops?.length)
    parts.push(
      Prisma.sql`(${Prisma.join(
        scope.yops.map(([from, to]) => Prisma.sql`e."yop" BETWEEN ${from} AND ${to}`),
        ' OR ',
      )})`,
    );
  if (scope.articleIds) parts.push(Prisma.sql`e."articleId" IN (${Prisma.join([...scope.articleIds, ''])})`);
  return Prisma.join(parts, ' AND ');
}

/**
 * Investigations, requests and denials per article and month, in one statement, with COUNTER's
 * rules (Code of Practice §7.2, §7.3): of two uses of the same link by one user-session within
 * 30 seconds only the second counts (a chain of them counts once, the last); a Request is also an
 * Investigation; unique items count each article once per user-session. Sessions are per day (or
 * hour), so unique counts add up over articles and months.
 */
export async function queryArticleMonthCounts(scope: UsageScope): Promise<ArticleMonthCounts[]> {
  return db.$queryRaw<ArticleMonthCounts[]>`
    WITH ev AS (
      SELECT e."articleId", e."journalId", e."accessType", e."yop", e."kind", e."sessionKey", e."occurredAt",
             lead(e."occurredAt") OVER (
               PARTITION BY e."sessionKey", e."articleId", e."target", e."kind" = 'no_license'
               ORDER BY e."occurredAt") AS "nextAt"
        FROM "UsageEvent" e
       WHERE ${scopeFilter(scope)} AND e."kind" <> 'search'
    ), per_session AS (
      SELECT "articleId", "journalId", "accessType", "yop", to_char("occurredAt", 'YYYY-MM') AS "month", "sessionKey",
             count(*) FILTER (WHERE "kind" <> 'no_license' AND "isCounted") AS tii,
             count(*) FILTER (WHERE "kind" = 'request' AND "isCounted") AS tir,
             count(*) FILTER (WHERE "kind" = 'no_license' AND "isCounted") AS nl,
             bool_or("kind" <> 'no_license') AS ui,
             bool_or("kind" = 'request') AS ur
        FROM (SELECT *, ("nextAt" IS NULL OR "nextAt" > "occurredAt" + interval '30 seconds') AS "isCounted" FROM ev) c
       GROUP BY 1, 2, 3, 4, 5, 6
    )
    SELECT "articleId", "journalId", "accessType"::text AS "accessType", "yop", "month",
           sum(tii)::int AS "totalInvestigations", sum(tir)::int AS "totalRequests",
           (count(*) FILTER (WHERE ui))::int AS "uniqueInvestigations",
           (count(*) FILTER (WHERE ur))::int AS "uniqueRequests", sum(nl)::int AS "noLicense"
      FROM per_session
     GROUP BY 1, 2, 3, 4, 5`;
}

/** Searches run on the platform per month (COUNTER Searches_Platform). */
export async function querySearchMonthCounts(scope: UsageScope): Promise<{ month: string; searches: number }[]> {
  const filter = scopeFilter({ institutionId: scope.institutionId, begin: scope.begin, end: scope.end });
  return db.$queryRaw`
    SELECT to_char(e."occurredAt", 'YYYY-MM') AS "month", count(*)::int AS "searches"
      FROM "UsageEvent" e WHERE ${filter} AND e."kind" = 'search' GROUP BY 1`;
}
