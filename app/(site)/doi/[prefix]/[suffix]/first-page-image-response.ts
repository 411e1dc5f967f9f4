// The first page of the PDF as an image (first-page.png, and its sidebar thumbnail
// first-page-thumbnail.webp): whole for readers the access decision lets in, veiled below the
// public preview for everyone else.
import { doiFromParams, type DoiParams } from '@/lib/articles/article-path';
import { firstPageThumbnail } from '@/lib/articles/first-page-thumbnail';
import { readFirstPageImage } from '@/lib/articles/read-first-page-image';
import { getReader } from '@/lib/access/get-reader';
import { htmlMessage } from '@/lib/http/html-message';
import { htmlRoute } from '@/lib/http/html-route';

export function firstPageImageRoute(format: 'png' | 'thumbnail') {
  return htmlRoute(async (_request: Request, { params }: { params: Promise<DoiParams> }) => {
    const doi = doiFromParams(await params);
    const image = doi ? await readFirstPageImage(doi, await getReader()) : null;
    if (!image) return htmlMessage(404, 'Not found', 'This article has no first-page image.');
    const body = format === 'png' ? image.png : await firstPageThumbnail(image.png);
    return new Response(Buffer.from(body), {
      headers: {
        'Content-Type': format === 'png' ? 'image/png' : 'image/webp',
        // The whole page of a paid article is this reader's alone: no shared cache may keep it, and a
        // browser asks again (a reader who signs out must not see it from the cache). The veiled copy
        // is the same for everyone; Vary keeps a cache from answering a signed-in reader with it.
        'Cache-Control': image.isSameForEveryone ? 'public, max-age=300' : 'private, no-store',
        Vary: 'Cookie',
        'X-First-Page': image.isFull ? 'full' : 'preview',
      },
    });
  });
}
