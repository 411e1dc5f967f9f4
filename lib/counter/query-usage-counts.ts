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
 * Investigations, requests and denials per article and month, in one aggregate, with COUNTER's
 * rules (Code of Practice §7.2, §7.3) as the writer marked them on the events
 * (lib/usage/recompute-usage-flags.ts): a double-clicked use does not count, a Request is also an
 * Investigation, unique items count each article once per user-session. Sessions are per day (or
 * hour), so unique counts add up over articles and months.
 */
export async function queryArticleMonthCounts(scope: UsageScope): Promise<ArticleMonthCounts[]> {
  return db.$queryRaw<ArticleMonthCounts[]>`
    SELECT "articleId", "journalId", "accessType", "yop", to_char("month", 'YYYY-MM') AS "month",
           "totalInvestigations", "totalRequests", "uniqueInvestigations", "uniqueRequests", "noLicense"
      FROM (
        SELECT e."articleId", e."journalId", e."accessType"::text AS "accessType", e."yop",
               date_trunc('month', e."occurredAt") AS "month",
               (count(*) FILTER (WHERE e."isCounted" AND e."kind" <> 'no_license'))::int AS "totalInvestigations",
               (count(*) FILTER (WHERE e."isCounted" AND e."kind" = 'request'))::int AS "totalRequests",
               (count(*) FILTER (WHERE e."isUniqueItem"))::int AS "uniqueInvestigations",
               (count(*) FILTER (WHERE e."isUniqueRequest"))::int AS "uniqueRequests",
               (count(*) FILTER (WHERE e."isCounted" AND e."kind" = 'no_license'))::int AS "noLicense"
          FROM "UsageEvent" e
         WHERE ${scopeFilter(scope)} AND e."kind" <> 'search'
         GROUP BY 1, 2, 3, 4, 5) c`;
}

/** Searches run on the platform per month (COUNTER Searches_Platform). */
export async function querySearchMonthCounts(scope: UsageScope): Promise<{ month: string; searches: number }[]> {
  const filter = scopeFilter({ institutionId: scope.institutionId, begin: scope.begin, end: scope.end });
  return db.$queryRaw`
    SELECT to_char(e."occurredAt", 'YYYY-MM') AS "month", count(*)::int AS "searches"
      FROM "UsageEvent" e WHERE ${filter} AND e."kind" = 'search' GROUP BY 1`;
}
