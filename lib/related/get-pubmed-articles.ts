import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { fetchPubmedNeighbours, pubmedItemsSchema, type PubmedItem } from './fetch-pubmed-neighbours';

export type PubmedResult = { status: 'ok'; items: PubmedItem[] } | { status: 'unavailable' } | { status: 'none' };

type Options = { baseUrl?: string; budgetMs?: number; now?: Date };

async function readCache(articleId: string, now: Date) {
  const [article, cached] = await Promise.all([
    db.article.findUnique({ where: { id: articleId }, select: { pmid: true } }),
    db.pubmedCache.findUnique({ where: { articleId } }),
  ]);
  const pmid = article?.pmid ?? cached?.pmid;
  const cachedItems = pmid && cached?.pmid === pmid ? pubmedItemsSchema.safeParse(cached.items) : null;
  const isFresh = Boolean(cached && now.getTime() - cached.fetchedAt.getTime() < env.PUBMED_CACHE_HOURS * 3600_000);
  return { pmid, items: cachedItems?.success ? cachedItems.data : null, isFresh };
}

/**
 * The PubMed box from the cache alone, however old (the per-reader article page, which must not
 * wait on NCBI), and whether it is due for a refresh (the page then asks NCBI after it answered).
 */
export async function readCachedPubmedArticles(
  articleId: string,
  now = new Date(),
): Promise<{ result: PubmedResult; isStale: boolean }> {
  const { pmid, items, isFresh } = await readCache(articleId, now);
  if (!pmid) return { result: { status: 'none' }, isStale: false };
  return { result: items ? { status: 'ok', items } : { status: 'unavailable' }, isStale: !isFresh || !items };
}

/**
 * The PubMed box for an article. A fresh cached list is answered at once; otherwise NCBI is asked
 * within `budgetMs` (1 s) and the answer cached. When NCBI is slow or down, the last cached list
 * is answered however old, else "unavailable": the box never waits longer and never fails the page.
 */
export async function getPubmedArticles(articleId: string, o: Options = {}): Promise<PubmedResult> {
  const now = o.now ?? new Date();
  const { pmid, items: cachedItems, isFresh } = await readCache(articleId, now);
  if (!pmid) return { status: 'none' };
  if (cachedItems && isFresh) return { status: 'ok', items: cachedItems };
  try {
    const items = await fetchPubmedNeighbours(pmid, {
      baseUrl: o.baseUrl ?? env.NCBI_EUTILS_BASE,
      tool: env.NCBI_TOOL,
      email: env.NCBI_EMAIL,
      signal: AbortSignal.timeout(o.budgetMs ?? 1000),
    });
    const data = { pmid, items, fetchedAt: now };
    await db.pubmedCache.upsert({ where: { articleId }, create: { articleId, ...data }, update: data });
    return { status: 'ok', items };
  } catch (error) {
    console.warn(`PubMed neighbours for PMID ${pmid} not fetched: ${(error as Error).message}`);
    return cachedItems ? { status: 'ok', items: cachedItems } : { status: 'unavailable' };
  }
}
