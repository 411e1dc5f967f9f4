// Next's proxy (Next 16's middleware), for article pages only: a request that could be entitled
// is rewritten to the per-reader page (app/(reader)/reader/doi/…), which renders the same page
// component with the reader's own parts, decided by lib/access before anything is sent. Our
// server (scripts/server.mjs) marks such requests (it alone knows the address and the institution
// ranges); a session cookie alone is enough too, so `next start` without our server still serves
// signed-in readers their text. Document and RSC requests follow the same rule here.
import { NextResponse, type NextRequest } from 'next/server';
import { hasReaderCookies, READER_HEADER } from '@/lib/http/reader-request.mjs';

const READER_PREFIX = '/reader';

export function proxy(request: NextRequest) {
  const url = request.nextUrl;
  // The per-reader page has no address of its own: a link to it goes to the article's address.
  if (url.pathname.startsWith(`${READER_PREFIX}/`)) {
    const target = url.clone();
    target.pathname = url.pathname.slice(READER_PREFIX.length);
    return NextResponse.redirect(target, 308);
  }
  if (request.headers.get(READER_HEADER) !== '1' && !hasReaderCookies(request.headers.get('cookie')))
    return NextResponse.next();
  const target = url.clone();
  target.pathname = `${READER_PREFIX}${url.pathname}`;
  return NextResponse.rewrite(target);
}

export const config = { matcher: ['/doi/:prefix/:suffix', '/reader/:path*'] };
