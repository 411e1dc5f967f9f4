import 'server-only';
import type { AccessDecision } from '@/lib/access/decide-access';
import { db } from '@/lib/db';
import { readCachedPubmedArticles, type PubmedResult } from '@/lib/related/get-pubmed-articles';
import { refreshCitedBy } from '@/lib/related/refresh-cited-by';
import type { ArticleSharedParts } from './article-reader-parts';
import { getArticlePage, type ArticlePage } from './get-article-page';
import { loadArticleSharedParts } from './load-article-shared-parts';

/**
 * What the per-reader article page shows that is the same for every reader of one article in one
 * decision variant, held in this process so a reader's page costs only their own statements (the
 * access facts, the session, their own rows) instead of about twenty:
 *
 * - "preview": the article's public data (getArticlePage), its boxes (See Also, Related By Topic,
 *   Cited By, CME), its approved comments and the cached PubMed list;
 * - "full text": the same plus the gated text and references, handed out only by
 *   `readCachedFullText`, which takes the access decision and refuses a decision that says no.
 *
 * Only the per-reader page (app/(reader)/…, `private, no-store`) reads this cache: nothing in it
 * is ever a response of its own, so no shared cache (Next's, our micro-cache, nginx) can key it,
 * and the full text cannot reach a visitor through it. The shared visitor page is rendered from
 * the database (Next caches that page itself).
 *
 * Fresh for FRESH_MS: an edit, an import, a moderation decision or a published issue on this
 * instance forgets the article's entry at once (`forgetArticleParts`); another instance's entry
 * follows within FRESH_MS, as its shared page follows on revalidation. Whether the reader may read
 * the text is never taken from here: the per-reader page decides on the database's own facts
 * (isFree included) in every request.
 */
const FRESH_MS = 30_000;
/** Bounds the memory: HTML characters held, summed over entries (the least recently used go first). */
const MAX_CACHED_CHARS = 24 * 1024 * 1024;

type FullText = { fullTextHtml: string };
export type CachedArticle = {
  article: ArticlePage;
  shared: ArticleSharedParts;
  pubmed: { result: PubmedResult; isStale: boolean };
};
type Entry = {
  doi: string;
  articleId: string | null;
  loadedAt: number;
  chars: number;
  page: Promise<CachedArticle | null>;
  fullText: Promise<FullText> | null;
};
type Cache = { entries: Map<string, Entry>; chars: number };

// On globalThis: Next bundles this module once for pages and once for route handlers (an admin's
// edit arrives through a route), in one process; both must see one cache.
const KEY: unique symbol = Symbol.for('journal.articlePageCache');
const store = globalThis as { [KEY]?: Cache };
const cache: Cache = (store[KEY] ??= { entries: new Map<string, Entry>(), chars: 0 });

function drop(doi: string) {
  const entry = cache.entries.get(doi);
  if (!entry) return;
  cache.entries.delete(doi);
  cache.chars -= entry.chars;
}

function weigh(entry: Entry, chars: number) {
  // Only an entry still in the cache counts (it may have been forgotten while it loaded).
  if (cache.entries.get(entry.doi) !== entry) return;
  entry.chars += chars;
  cache.chars += chars;
  for (const [doi] of cache.entries) {
    if (cache.chars <= MAX_CACHED_CHARS || doi === entry.doi) break;
    drop(doi);
  }
}

async function loadPage(entry: Entry, now: Date): Promise<CachedArticle | null> {
  const article = await getArticlePage(entry.doi);
  if (!article) return null;
  entry.articleId = article.id;
  const [shared, pubmed] = await Promise.all([
    loadArticleSharedParts(article),
    readCachedPubmedArticles(article.id, now),
  ]);
  weigh(entry, article.previewHtml.length + article.summariesHtml.length + article.articleInfoHtml.length);
  // Crossref is asked in the background (at most daily per article), not per page view.
  void refreshCitedBy(article.id).catch(() => undefined);
  return { article, shared, pubmed };
}

function entryFor(doi: string, now: Date): Entry {
  const existing = cache.entries.get(doi);
  if (existing && Date.now() - existing.loadedAt < FRESH_MS) {
    // Most recently used last, so the bound drops the least used first.
    cache.entries.delete(doi);
    cache.entries.set(doi, existing);
    return existing;
  }
  drop(doi);
  const entry: Entry = {
    doi,
    articleId: null,
    loadedAt: Date.now(),
    chars: 0,
    page: Promise.resolve(null),
    fullText: null,
  };
  // Readers who arrive together share one load; a failed load is not kept.
  entry.page = loadPage(entry, now);
  // Nor is "no such article" (it may be imported in a moment).
  entry.page.then(
    (page) => {
      if (!page && cache.entries.get(doi) === entry) drop(doi);
    },
    () => {
      if (cache.entries.get(doi) === entry) drop(doi);
    },
  );
  cache.entries.set(doi, entry);
  return entry;
}

/** The article with this DOI and its shared parts (the "preview" variant), or null when there is none. */
export function getCachedArticle(doi: string, now: Date): Promise<CachedArticle | null> {
  return entryFor(doi, now).page;
}

/**
 * The article's gated text (the "full text" variant; the references are public) for a reader the access
 * decision let in. A decision that says no gets nothing: the text leaves here only behind it.
 */
export async function readCachedFullText(doi: string, decision: AccessDecision, now: Date): Promise<FullText | null> {
  if (!decision.canRead) return null;
  const entry = entryFor(doi, now);
  const cached = await entry.page;
  if (!cached) return null;
  if (!entry.fullText) {
    const fullText = db.article.findUniqueOrThrow({
      where: { id: cached.article.id },
      select: { fullTextHtml: true },
    });
    entry.fullText = fullText;
    fullText.then(
      (t) => weigh(entry, t.fullTextHtml.length),
      () => {
        if (entry.fullText === fullText) entry.fullText = null;
      },
    );
  }
  return entry.fullText;
}

const pubmedRefreshes = new WeakSet<CachedArticle>();

/**
 * True when the cached article's PubMed list is due and no refresh of it is under way: that page
 * view asks NCBI (after answering), and calls `releasePubmedRefresh` when the answer is in. One at a
 * time per article; a refresh that failed (NCBI away) is tried again by a later view.
 */
export function claimPubmedRefresh(cached: CachedArticle): boolean {
  if (!cached.pubmed.isStale || pubmedRefreshes.has(cached)) return false;
  pubmedRefreshes.add(cached);
  return true;
}

export function releasePubmedRefresh(cached: CachedArticle): void {
  pubmedRefreshes.delete(cached);
}

/**
 * Forgets the cached parts of an article (after an edit, an import or a moderation decision on
 * it), by DOI or id; with neither, of every article (a published issue). The next reader's page
 * loads them again.
 */
export function forgetArticleParts(which?: { doi?: string; articleId?: string }): void {
  for (const [doi, entry] of [...cache.entries]) {
    // An entry still loading has no id yet: it may be the article, so it goes too.
    const isIt = which?.articleId !== undefined && (entry.articleId === null || entry.articleId === which.articleId);
    if (!which || doi === which.doi || isIt) drop(doi);
  }
}
