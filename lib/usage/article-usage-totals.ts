import 'server-only';
import { db } from '@/lib/db';

export type ArticleUsageTotals = { views: number; downloads: number };

// The shared page is rendered every 5 minutes at most and the per-reader page on every request:
// the totals are kept per article for 5 minutes (on globalThis: Next loads this module once per
// bundle), so a page view costs no statement for them most of the time.
const TTL_MS = 5 * 60_000;
const KEY = Symbol.for('journal.articleUsageTotals');
const store = globalThis as { [KEY]?: Map<string, { at: number; totals: ArticleUsageTotals }> };
const cache = (store[KEY] ??= new Map<string, { at: number; totals: ArticleUsageTotals }>());

/**
 * An article's views (its page: Investigations and Requests) and downloads (PDF, figures and
 * files, slides), from the same usage events COUNTER reports count; robots never recorded.
 */
export async function getArticleUsageTotals(articleId: string, now = Date.now()): Promise<ArticleUsageTotals> {
  const hit = cache.get(articleId);
  if (hit && now - hit.at < TTL_MS) return hit.totals;
  const [row] = await db.$queryRaw<ArticleUsageTotals[]>`
    SELECT (count(*) FILTER (WHERE "target" = 'page'))::int AS "views",
           (count(*) FILTER (WHERE "target" <> 'page'))::int AS "downloads"
      FROM "UsageEvent" WHERE "articleId" = ${articleId} AND "kind" IN ('investigation', 'request')`;
  const totals = row ?? { views: 0, downloads: 0 };
  if (cache.size > 10_000) cache.clear();
  cache.set(articleId, { at: now, totals });
  return totals;
}
