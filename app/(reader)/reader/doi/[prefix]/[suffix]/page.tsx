import type { Metadata } from 'next';
import { ArticleView } from '@/components/article/article-view';
import type { DoiParams } from '@/lib/articles/article-path';
import { loadReaderParts } from '@/lib/articles/load-article-reader-parts';
import { articlePageMetadata, loadArticleForPage } from '@/lib/articles/load-article-for-page';
import { getCurrentUser } from '@/lib/auth/current-user';
import { recordRequestUsage } from '@/lib/usage/record-request-usage';

// The article page for a request that could be entitled (a session, the reader's own display
// cookies, or an institution address), reached only through proxy.ts's rewrite of /doi/…: the
// same page component as the shared page, with the reader's parts decided per request. Dynamic
// (it reads cookies and headers), so Next answers it `private, no-store` and caches nothing.
export const dynamic = 'force-dynamic';

type Props = { params: Promise<DoiParams> };

export function generateMetadata({ params }: Props): Promise<Metadata> {
  return articlePageMetadata(params);
}

export default async function ReaderArticlePage({ params }: Props) {
  const article = await loadArticleForPage(params);
  const parts = await loadReaderParts(article);
  // COUNTER: the full text in the page is a Request; without it, an Investigation and a denial.
  // (The shared page's views are recorded by scripts/server.mjs, which serves them from its cache.)
  await recordRequestUsage(
    parts.text
      ? [{ kind: 'request', target: 'page', articleId: article.id }]
      : [
          { kind: 'investigation', target: 'page', articleId: article.id },
          { kind: 'no_license', target: 'page', articleId: article.id },
        ],
    await getCurrentUser(),
  );
  return <ArticleView article={article} parts={parts} />;
}
