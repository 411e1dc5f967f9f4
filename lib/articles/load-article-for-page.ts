import 'server-only';
import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { env } from '@/lib/env';
import { articlePath, doiFromParams, type DoiParams } from './article-path';
import { findDoiIgnoringCase, getArticlePage, type ArticlePage } from './get-article-page';
import { buildScholarMeta } from './scholar-meta';

/** The article an article-page route's params name (both forms of the page), or a 404. */
export async function loadArticleForPage(params: Promise<DoiParams>): Promise<ArticlePage> {
  const doi = doiFromParams(await params);
  if (!doi) notFound();
  const article = await getArticlePage(doi);
  if (article) return article;
  // The same DOI in other letter case goes to the article's one address.
  const canonical = await findDoiIgnoringCase(doi);
  if (canonical && canonical !== doi) permanentRedirect(articlePath(canonical));
  notFound();
}

/** The page's title, canonical address (the article's own, for the per-reader form too) and Scholar tags. */
export async function articlePageMetadata(
  params: Promise<DoiParams>,
  getArticle: (doi: string) => Promise<ArticlePage | null> = getArticlePage,
): Promise<Metadata> {
  // Only the page answers an unknown DOI (404 or the redirect to its letter case): asked here as
  // well, the redirect would be sent twice (two Location headers).
  const doi = doiFromParams(await params);
  const article = doi ? await getArticle(doi) : null;
  if (!article) return {};
  return {
    title: article.title,
    alternates: { canonical: articlePath(article.doi) },
    other: buildScholarMeta(article, env.SITE_URL),
  };
}
