import 'server-only';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { env } from '@/lib/env';
import { articlePath, doiFromParams, type DoiParams } from './article-path';
import { getArticlePage, type ArticlePage } from './get-article-page';
import { buildScholarMeta } from './scholar-meta';

/** The article an article-page route's params name (both forms of the page), or a 404. */
export async function loadArticleForPage(params: Promise<DoiParams>): Promise<ArticlePage> {
  const doi = doiFromParams(await params);
  const article = doi ? await getArticlePage(doi) : null;
  if (!article) notFound();
  return article;
}

/** The page's title, canonical address (the article's own, for the per-reader form too) and Scholar tags. */
export async function articlePageMetadata(params: Promise<DoiParams>): Promise<Metadata> {
  const article = await loadArticleForPage(params);
  return {
    title: article.title,
    alternates: { canonical: articlePath(article.doi) },
    other: buildScholarMeta(article, env.SITE_URL),
  };
}
