import type { Metadata } from 'next';
import { ArticleView } from '@/components/article/article-view';
import { articlePath, type DoiParams } from '@/lib/articles/article-path';
import { listArticleDois } from '@/lib/articles/get-article-page';
import { loadVisitorView } from '@/lib/articles/load-article-reader-parts';
import { articlePageMetadata, loadArticleForPage } from '@/lib/articles/load-article-for-page';

// The page every visitor who cannot be entitled shares (no session, no reader cookies, an address
// outside every institution range: scripts/server.mjs and proxy.ts send everyone else to the
// per-reader page, app/(reader)/reader/doi/…). Rendered as an anonymous visitor, so Next caches
// it; content edits show within 5 minutes.
export const revalidate = 300;

export async function generateStaticParams(): Promise<DoiParams[]> {
  return (await listArticleDois()).map((doi) => {
    const [prefix, suffix] = articlePath(doi).split('/').slice(2) as [string, string];
    return { prefix, suffix };
  });
}

type Props = { params: Promise<DoiParams> };

export function generateMetadata({ params }: Props): Promise<Metadata> {
  return articlePageMetadata(params);
}

export default async function ArticlePage({ params }: Props) {
  const article = await loadArticleForPage(params);
  return <ArticleView {...await loadVisitorView(article)} />;
}
