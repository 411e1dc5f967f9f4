import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleView } from '@/components/article/article-view';
import { doiFromParams, type DoiParams } from '@/lib/articles/article-path';
import { getCachedArticle } from '@/lib/articles/article-page-cache';
import { loadReaderView } from '@/lib/articles/load-article-reader-parts';
import { articlePageMetadata, loadArticleForPage } from '@/lib/articles/load-article-for-page';
import { getCurrentUser } from '@/lib/auth/current-user';
import { now } from '@/lib/clock';
import { recordRequestUsage } from '@/lib/usage/record-request-usage';

// The article page for a request that could be entitled (a session, the reader's own display
// cookies, or an institution address), reached only through proxy.ts's rewrite of /doi/…: the
// same page component as the shared page, with the reader's parts decided per request. Dynamic
// (it reads cookies and headers), so Next answers it `private, no-store` and caches nothing.
export const dynamic = 'force-dynamic';

type Props = { params: Promise<DoiParams> };

// The article's public data from this process's cache (lib/articles/article-page-cache.ts), as the page's.
const getArticle = async (doi: string) => (await getCachedArticle(doi, now()))?.article ?? null;

export function generateMetadata({ params }: Props): Promise<Metadata> {
  return articlePageMetadata(params, getArticle);
}

export default async function ReaderArticlePage({ params }: Props) {
  const doi = doiFromParams(await params);
  let view = doi ? await loadReaderView(doi) : null;
  if (!view) {
    // No such DOI: the shared page's answer (the redirect to its own letter case, or the 404) …
    const article = await loadArticleForPage(params);
    // … unless it exists by now (imported since).
    view = await loadReaderView(article.doi);
    if (!view) notFound();
  }
  // COUNTER: the full text in the page is a Request; without it, an Investigation and a denial.
  // (The shared page's views are recorded by scripts/server.mjs, which serves them from its cache.)
  const articleId = view.article.id;
  await recordRequestUsage(
    view.parts.text
      ? [{ kind: 'request', target: 'page', articleId }]
      : [
          { kind: 'investigation', target: 'page', articleId },
          { kind: 'no_license', target: 'page', articleId },
        ],
    await getCurrentUser(),
  );
  return <ArticleView {...view} />;
}
