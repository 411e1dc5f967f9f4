import 'server-only';
import { cookies } from 'next/headers';
import { after } from 'next/server';
import { decideAccess, type AccessDecision } from '@/lib/access/decide-access';
import { describeAccess } from '@/lib/access/describe-access';
import { getReader } from '@/lib/access/get-reader';
import { loadAccessFactsForDoi } from '@/lib/access/load-access-facts';
import { getCurrentUser, type CurrentUser } from '@/lib/auth/current-user';
import { now as clockNow } from '@/lib/clock';
import type { CommentView } from '@/lib/comments/comments-reply';
import { JOURNAL_TIME_ZONE } from '@/lib/format-date';
import { BOX_ORDER_COOKIE, DEFAULT_LAYOUT, parseBoxOrderCookie } from '@/lib/related/box-order';
import { getPubmedArticles } from '@/lib/related/get-pubmed-articles';
import { refreshCitedBy } from '@/lib/related/refresh-cited-by';
import { getReaderTimeZone } from '@/lib/time-zone/get-reader-time-zone';
import {
  claimPubmedRefresh,
  forgetArticleParts,
  getCachedArticle,
  readCachedFullText,
  releasePubmedRefresh,
} from './article-page-cache';
import type { ArticleReaderParts, ArticleText, ArticleViewData } from './article-reader-parts';
import type { ArticlePage } from './get-article-page';
import { loadArticleSharedParts } from './load-article-shared-parts';
import { loadReaderArticleRows } from './load-reader-article-rows';
import { readFullText } from './read-full-text';
import { parseTextSize, TEXT_SIZE_COOKIE } from './text-size';

type FullText = { fullTextHtml: string };

function textOf(decision: AccessDecision, fullText: FullText | null, now: Date, timeZone: string): ArticleText | null {
  if (!decision.canRead || !fullText) return null;
  return {
    source: decision.source,
    reason: describeAccess(decision, now, timeZone),
    until: 'until' in decision ? decision.until.toISOString() : null,
    fullTextHtml: fullText.fullTextHtml,
  };
}

const byDate = (a: CommentView, b: CommentView) => a.createdAt.localeCompare(b.createdAt);

/**
 * The page every visitor shares (and Next caches), for an anonymous visitor: the text only of a
 * free article, approved comments, the default layout. Reads no request data, and nothing cached
 * in this process: the page itself is the cache.
 */
export async function loadVisitorView(article: ArticlePage): Promise<ArticleViewData> {
  const now = clockNow();
  const [publicText, shared, pubmed] = await Promise.all([
    article.isFree ? readFullText(article.doi, { userId: null, ip: null }, now) : null,
    loadArticleSharedParts(article),
    // On a revalidation, in the background: NCBI gets its second here, never while a reader waits.
    getPubmedArticles(article.id),
  ]);
  // Crossref is asked after the render (on build and revalidation), never while a reader waits.
  after(() => refreshCitedBy(article.id));
  // A free article's reason names no time: nothing on this shared page is in a reader's zone.
  const text = publicText?.canRead ? textOf(publicText.decision, publicText, now, JOURNAL_TIME_ZONE) : null;
  return {
    article,
    shared,
    parts: {
      text,
      comments: { isSignedIn: false, comments: shared.approvedComments },
      tools: { isSignedIn: false, tools: null },
      layout: null,
      accountLayout: null,
      textSize: null,
      pubmed,
    },
  };
}

/** What the per-reader page takes from the request: who is signed in, their address, their display cookies. */
export type ReaderRequest = {
  user: Pick<CurrentUser, 'id' | 'name'> | null;
  ip: string | null;
  /** An institution sign-in (SAML) this browser holds: lib/access/get-reader reads it. */
  institutionSessionHash?: string | null;
  textSizeCookie?: string;
  boxOrderCookie?: string;
  /** The zone the reader's times are written in (lib/time-zone); the journal's when absent. */
  timeZone?: string;
};

/**
 * The page for whoever asks (session, address, cookies), decided on the server before anything is
 * sent. The page that renders this is dynamic and answered `private, no-store`. Null when there is
 * no such DOI.
 */
export async function loadReaderView(doi: string): Promise<ArticleViewData | null> {
  const [user, reader, jar, timeZone] = await Promise.all([
    getCurrentUser(),
    getReader(),
    cookies(),
    getReaderTimeZone(),
  ]);
  return buildReaderView(doi, {
    user,
    ip: reader.ip,
    institutionSessionHash: reader.institutionSessionHash ?? null,
    textSizeCookie: jar.get(TEXT_SIZE_COOKIE)?.value,
    boxOrderCookie: jar.get(BOX_ORDER_COOKIE)?.value,
    timeZone,
  });
}

/**
 * The per-reader page's data for one request. Per request only what is the reader's: the access
 * facts (one statement, with the article's own isFree, so the decision never rests on a cached
 * fact) and, when signed in, their own rows (one statement); the session was one more. The rest
 * comes from this process's cache of the article (lib/articles/article-page-cache.ts), its full
 * text only when the decision says yes.
 */
export async function buildReaderView(
  doi: string,
  request: ReaderRequest,
  now = clockNow(),
  isRetry = false,
): Promise<ArticleViewData | null> {
  const cached = await getCachedArticle(doi, now);
  if (!cached) return null;
  const { article, shared, pubmed } = cached;
  const { user, ip, institutionSessionHash, textSizeCookie, boxOrderCookie } = request;
  const [facts, rows] = await Promise.all([
    loadAccessFactsForDoi({ userId: user?.id ?? null, ip, institutionSessionHash }, doi, now),
    user ? loadReaderArticleRows(user, article) : null,
  ]);
  if (facts?.article.id !== article.id) {
    // Removed (or removed and imported anew) since it was cached: forget it and look again.
    forgetArticleParts({ doi });
    return facts && !isRetry ? buildReaderView(doi, request, now, true) : null;
  }
  const decision = decideAccess(facts);
  const fullText = await readCachedFullText(doi, decision, now);
  // NCBI is asked after the response, never while this reader waits; a new list then replaces the
  // cached article (not an unchanged one: with NCBI away that would reload the article every try).
  if (claimPubmedRefresh(cached))
    after(async () => {
      try {
        const fresh = await getPubmedArticles(article.id);
        if (JSON.stringify(fresh) !== JSON.stringify(pubmed.result)) forgetArticleParts({ articleId: article.id });
      } finally {
        releasePubmedRefresh(cached);
      }
    });
  const parts: ArticleReaderParts = {
    text: textOf(decision, fullText, now, request.timeZone ?? JOURNAL_TIME_ZONE),
    comments: {
      isSignedIn: Boolean(user),
      comments: rows ? [...shared.approvedComments, ...rows.pendingComments].sort(byDate) : shared.approvedComments,
    },
    tools: { isSignedIn: Boolean(user), tools: rows?.tools ?? null },
    layout: rows?.layout ?? parseBoxOrderCookie(boxOrderCookie) ?? DEFAULT_LAYOUT,
    accountLayout: rows?.layout ?? null,
    textSize: parseTextSize(textSizeCookie),
    pubmed: pubmed.result,
  };
  return { article, shared, parts };
}
