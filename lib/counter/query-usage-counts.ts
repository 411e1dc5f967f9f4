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
  /** Only these journals or articles (the item_id and author filters); empty: none. */
  journalIds?: string[];
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

const ofInstitution = (scope: UsageScope) =>
  scope.institutionId === null ? Prisma.sql`TRUE` : Prisma.sql`e."institutionId" = ${scope.institutionId}`;
const day = (d: Date) => d.toISOString().slice(0, 10);

function scopeFilter(scope: UsageScope): Prisma.Sql {
  const parts: Prisma.Sql[] = [
    ofInstitution(scope),
    Prisma.sql`e."month" >= ${day(scope.begin)}::date AND e."month" < ${day(scope.end)}::date`,
  ];
  if (scope.accessTypes)
    parts.push(
      Prisma.sql`e."accessType"::text IN (${Prisma.join(scope.accessTypes.length ? scope.accessTypes : [''])})`,
    );
  if (scope.journalIds) parts.push(Prisma.sql`e."journalId" IN (${Prisma.join([...scope.journalIds, ''])})`);
  if (scope.articleIds) parts.push(Prisma.sql`e."articleId" IN (${Prisma.join([...scope.articleIds, ''])})`);
  if (scope.yops?.length)
    parts.push(
      Prisma.sql`(${Prisma.join(
        scope.yops.map(([from, to]) => Prisma.sql`e."yop" BETWEEN ${from} AND ${to}`),
        ' OR ',
      )})`,
    );
  return Prisma.join(parts, ' AND ');
}

/**
 * Investigations, requests and denials per article (or, `perJournal`, per journal: articleId '')
 * and month, with COUNTER's rules (Code of Practice §7.2, §7.3) applied: read from
 * "UsageMonthCount", which the writer keeps exact as it marks the events
 * (lib/usage/write-usage-events.ts): a double-clicked use does not count, a Request is also an
 * Investigation, unique items count each article once per user-session. Sessions are per day (or
 * hour), so unique counts add up over articles and months. Title and platform reports sum in SQL:
 * a year of TR_J1 is then a few hundred rows, not one per article and month.
 */
export async function queryArticleMonthCounts(
  scope: UsageScope,
  { perJournal = false }: { perJournal?: boolean } = {},
): Promise<ArticleMonthCounts[]> {
  const article = perJournal ? Prisma.sql`''` : Prisma.sql`e."articleId"`;
  // One JSON text rather than a row per article and month: turning ~20,000 rows (a year of IR for
  // 2,000 articles) into objects took most of the report's time; JSON.parse takes milliseconds.
  const [result] = await db.$queryRaw<{ rows: string }[]>`
    SELECT coalesce(json_agg(c), '[]')::text AS "rows" FROM (
      SELECT ${article} AS "articleId", e."journalId", e."accessType"::text AS "accessType", nullif(e."yop", 0) AS "yop",
             to_char(e."month", 'YYYY-MM') AS "month",
             sum(e."totalInvestigations")::int AS "totalInvestigations", sum(e."totalRequests")::int AS "totalRequests",
             sum(e."uniqueInvestigations")::int AS "uniqueInvestigations", sum(e."uniqueRequests")::int AS "uniqueRequests",
             sum(e."noLicense")::int AS "noLicense"
        FROM "UsageMonthCount" e
       WHERE ${scopeFilter(scope)}
       GROUP BY 1, 2, 3, 4, 5) c`;
  return JSON.parse(result?.rows ?? '[]') as ArticleMonthCounts[];
}

/** Searches run on the platform per month (COUNTER Searches_Platform). */
export async function querySearchMonthCounts(scope: UsageScope): Promise<{ month: string; searches: number }[]> {
  return db.$queryRaw`
    SELECT to_char(e."occurredAt", 'YYYY-MM') AS "month", count(*)::int AS "searches"
      FROM "UsageEvent" e
     WHERE ${ofInstitution(scope)} AND e."occurredAt" >= ${scope.begin} AND e."occurredAt" < ${scope.end}
       AND e."kind" = 'search'
     GROUP BY 1`;
}
