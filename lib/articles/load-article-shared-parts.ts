import 'server-only';
import { getArticleCme } from '@/lib/cme/get-article-cme';
import { listComments } from '@/lib/comments/list-comments';
import { listCitations } from '@/lib/related/list-citations';
import { listRelatedByTopic, listSeeAlso } from '@/lib/related/list-related-articles';
import type { ArticleSharedParts } from './article-reader-parts';
import type { ArticlePage } from './get-article-page';

/**
 * The parts of the article page that are the same for every reader: See Also, Related By Topic,
 * Cited By, the CME box and the approved comments. Public by nature (no gated text). The shared
 * page loads them per render (Next caches the page); the per-reader page through its cache
 * (lib/articles/article-page-cache.ts).
 */
export async function loadArticleSharedParts(article: Pick<ArticlePage, 'id' | 'doi'>): Promise<ArticleSharedParts> {
  const [seeAlso, byTopic, citedBy, cme, approvedComments] = await Promise.all([
    listSeeAlso(article.id),
    listRelatedByTopic(article.id),
    listCitations(article.id),
    getArticleCme(article.doi),
    listComments(article.id, null),
  ]);
  return { seeAlso, byTopic, citedBy, cme: cme[0] ?? null, approvedComments };
}
