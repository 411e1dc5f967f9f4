// GET /doi/<doi>/assets/<key> – a figure image, media or supplementary file of the article: public
// ones for anyone (cached for a year: the key holds the content hash), gated ones as the full text.
import { z } from 'zod';
import { doiFromParams, articlePath, type DoiParams } from '@/lib/articles/article-path';
import { readAssetForReader } from '@/lib/articles/assets/read-asset-for-reader';
import { assetResponse } from '@/lib/articles/assets/asset-response';
import { getReader } from '@/lib/access/get-reader';
import { htmlMessage } from '@/lib/http/html-message';
import { htmlRoute } from '@/lib/http/html-route';
import { recordRequestUsage } from '@/lib/usage/record-request-usage';

const EMBEDDED_DESTINATIONS = new Set(['image', 'video', 'audio', 'track', 'style', 'script', 'font']);
const keySchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/);

export const GET = htmlRoute(async (request: Request, { params }: { params: Promise<DoiParams & { key: string }> }) => {
  const { key, ...doiParams } = await params;
  const doi = doiFromParams(doiParams);
  const parsedKey = keySchema.safeParse(key);
  const result = doi && parsedKey.success ? await readAssetForReader(doi, parsedKey.data, getReader) : null;
  if (!doi || !result) return htmlMessage(404, 'File not found', 'This article has no such file.');
  // A figure the page shows inline is part of that page view; a file opened or saved is an Investigation.
  if (!EMBEDDED_DESTINATIONS.has(request.headers.get('sec-fetch-dest') ?? ''))
    await recordRequestUsage([
      { kind: result.canRead ? 'investigation' : 'no_license', target: `asset:${parsedKey.data!}`, doi },
    ]);
  if (!result.canRead) {
    return htmlMessage(
      403,
      'Full text required',
      'This file belongs to the full text: it is available to subscribers, to readers who bought 24-hour access to this article, and through institutions.',
      { href: articlePath(doi), label: 'Back to the article' },
    );
  }
  return assetResponse(request, parsedKey.data!, result.asset);
});
