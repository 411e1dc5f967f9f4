import 'server-only';
import { cookies } from 'next/headers';
import { after } from 'next/server';
import { describeAccess } from '@/lib/access/describe-access';
import { getReader } from '@/lib/access/get-reader';
import { getCurrentUser } from '@/lib/auth/current-user';
import { now as clockNow } from '@/lib/clock';
import { listComments } from '@/lib/comments/list-comments';
import { BOX_ORDER_COOKIE, DEFAULT_LAYOUT, parseBoxOrderCookie } from '@/lib/related/box-order';
import { getPubmedArticles, readCachedPubmedArticles } from '@/lib/related/get-pubmed-articles';
import { getReaderTools } from '@/lib/related/reader-tools';
import { getSidebarLayout } from '@/lib/related/sidebar-layout';
import type { ArticleReaderParts, ArticleText } from './article-reader-parts';
import type { ArticlePage } from './get-article-page';
import { readFullText, type FullTextResult } from './read-full-text';
import { parseTextSize, TEXT_SIZE_COOKIE } from './text-size';

type Article = Pick<ArticlePage, 'id' | 'doi' | 'isFree' | 'journalId'>;

function textOf(result: FullTextResult | null, now: Date): ArticleText | null {
  if (!result?.canRead) return null;
  const { decision } = result;
  return {
    source: decision.source,
    reason: describeAccess(decision, now),
    until: 'until' in decision ? decision.until.toISOString() : null,
    fullTextHtml: result.fullTextHtml,
  };
}

/**
 * The parts for an anonymous visitor, for the page every visitor shares (and Next caches): the
 * text only of a free article, approved comments, the default layout. Reads no request data.
 */
export async function loadVisitorParts(article: Article): Promise<ArticleReaderParts> {
  const now = clockNow();
  const [publicText, comments, pubmed] = await Promise.all([
    article.isFree ? readFullText(article.doi, { userId: null, ip: null }, now) : null,
    listComments(article.id, null),
    // On a revalidation, in the background: NCBI gets its second here, never while a reader waits.
    getPubmedArticles(article.id),
  ]);
  return {
    text: textOf(publicText, now),
    comments: { isSignedIn: false, comments },
    tools: { isSignedIn: false, tools: null },
    layout: null,
    accountLayout: null,
    textSize: null,
    pubmed,
  };
}

/**
 * The parts for whoever asks (session, address, cookies), decided on the server before anything
 * is sent: the full text only when the access decision says so (lib/access, through readFullText).
 * Per request: the page that renders these is dynamic and answered `private, no-store`.
 */
export async function loadReaderParts(article: Article): Promise<ArticleReaderParts> {
  const now = clockNow();
  const [user, reader, jar] = await Promise.all([getCurrentUser(), getReader(), cookies()]);
  const [fullText, comments, tools, accountLayout, pubmed] = await Promise.all([
    readFullText(article.doi, reader, now),
    listComments(article.id, user?.id ?? null),
    user ? getReaderTools(user.id, article) : null,
    user ? getSidebarLayout(user.id) : null,
    readCachedPubmedArticles(article.id, now),
  ]);
  // NCBI is asked after the response, never while this reader waits.
  if (pubmed.isStale) after(() => getPubmedArticles(article.id).then(() => undefined));
  return {
    text: textOf(fullText, now),
    comments: { isSignedIn: Boolean(user), comments },
    tools: { isSignedIn: Boolean(user), tools },
    layout: accountLayout ?? parseBoxOrderCookie(jar.get(BOX_ORDER_COOKIE)?.value) ?? DEFAULT_LAYOUT,
    accountLayout,
    textSize: parseTextSize(jar.get(TEXT_SIZE_COOKIE)?.value),
    pubmed: pubmed.result,
  };
}
