import 'server-only';
import { articlePath, doiFromParams, type DoiParams } from './article-path';
import { formatBibtex, formatRis } from './export-citation';
import { getArticlePage } from './get-article-page';
import { env } from '@/lib/env';
import { htmlMessage } from '@/lib/http/html-message';

const FORMATS = {
  ris: { type: 'application/x-research-info-systems', ext: 'ris', format: formatRis },
  bibtex: { type: 'application/x-bibtex', ext: 'bib', format: formatBibtex },
} as const;

/** The article's citation as a download, from public metadata only (cacheable, the same for all). */
export async function downloadCitation(params: DoiParams, kind: keyof typeof FORMATS): Promise<Response> {
  const doi = doiFromParams(params);
  const article = doi ? await getArticlePage(doi) : null;
  if (!article) return htmlMessage(404, 'Not found', 'No article has this DOI.');
  const { type, ext, format } = FORMATS[kind];
  const url = new URL(articlePath(article.doi), env.SITE_URL).toString();
  const fileName = `${article.doi.replace(/[^A-Za-z0-9.-]+/g, '_')}.${ext}`;
  return new Response(format(article, url), {
    headers: {
      'Content-Type': `${type}; charset=utf-8`,
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'public, max-age=3600',
    },
  });
}
