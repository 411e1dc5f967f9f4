import 'server-only';
import { getArticleCme } from '@/lib/cme/get-article-cme';
import { listComments } from '@/lib/comments/list-comments';
import { listCitations } from '@/lib/related/list-citations';
import { listRelatedByTopic, listSeeAlso } from '@/lib/related/list-related-articles';
import { env } from '@/lib/env';
import { articlePath } from './article-path';
import type { ArticleSharedParts } from './article-reader-parts';
import { formatCitationStyles } from './format-citation-styles';
import type { ArticlePage } from './get-article-page';

/**
 * The parts of the article page that are the same for every reader: See Also, Related By Topic,
 * Cited By, the CME box, the approved comments and "Cite This Article". Public by nature (no gated text). The shared
 * page loads them per render (Next caches the page); the per-reader page through its cache
 * (lib/articles/article-page-cache.ts).
 */
export async function loadArticleSharedParts(article: ArticlePage): Promise<ArticleSharedParts> {
  const [seeAlso, byTopic, citedBy, cme, approvedComments] = await Promise.all([
    listSeeAlso(article.id),
    listRelatedByTopic(article.id),
    listCitations(article.id),
    getArticleCme(article.doi),
    listComments(article.id, null),
  ]);
  const citations = formatCitationStyles(article, new URL(articlePath(article.doi), env.SITE_URL).toString());
  return { seeAlso, byTopic, citedBy, cme: cme[0] ?? null, approvedComments, citations };
}
