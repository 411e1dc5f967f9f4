// GET /doi/<doi>/first-page.png – the first page of the PDF as an image, public as on the print page.
import { doiFromParams, type DoiParams } from '@/lib/articles/article-path';
import { db } from '@/lib/db';
import { htmlMessage } from '@/lib/http/html-message';
import { htmlRoute } from '@/lib/http/html-route';

export const GET = htmlRoute(async (_request: Request, { params }: { params: Promise<DoiParams> }) => {
  const doi = doiFromParams(await params);
  const files = doi
    ? await db.articleFiles.findFirst({ where: { article: { doi } }, select: { firstPagePng: true } })
    : null;
  if (!files) return htmlMessage(404, 'Not found', 'This article has no first-page image.');
  return new Response(Buffer.from(files.firstPagePng), {
    headers: { 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=3600' },
  });
});
