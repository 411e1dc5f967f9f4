// GET /doi/<doi>/pdf – the article PDF, only for readers the access decision lets in.
import { doiFromParams, articlePath, type DoiParams } from '@/lib/articles/article-path';
import { readArticlePdf } from '@/lib/articles/read-article-pdf';
import { getReader } from '@/lib/access/get-reader';
import { htmlMessage } from '@/lib/http/html-message';
import { htmlRoute } from '@/lib/http/html-route';
import { recordRequestUsage } from '@/lib/usage/record-request-usage';

export const GET = htmlRoute(async (_request: Request, { params }: { params: Promise<DoiParams> }) => {
  const doi = doiFromParams(await params);
  const result = doi ? await readArticlePdf(doi, await getReader()) : null;
  if (!result) return htmlMessage(404, 'Article not found', 'No article has this DOI.');
  await recordRequestUsage([{ kind: result.canRead ? 'request' : 'no_license', target: 'pdf', doi: result.doi }]);
  // Refused: the site's own page with the access panel, which answers 403 (a route cannot render one).
  if (!result.canRead)
    return new Response(null, {
      status: 303,
      headers: { Location: `${articlePath(result.doi)}/pdf-access`, 'Cache-Control': 'private, no-store' },
    });
  return new Response(Buffer.from(result.pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="${result.fileName}"`,
      'Cache-Control': 'private, no-store',
    },
  });
});
