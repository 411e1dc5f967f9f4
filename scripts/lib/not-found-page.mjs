// A page that calls notFound() gets a 404 whose HTML is Next's empty error shell
// (<html id="__next_error__">, no lang, no content): the not-found message is only in the RSC
// payload and appears once JavaScript runs, so a reader without JavaScript, a crawler or a screen
// reader that reads early meets a blank page (an open Next.js bug, vercel/next.js#62228, in every
// 15.x and 16.x build). An address no route matches is fine: it renders app/not-found.tsx for real.
// So our HTTP server (scripts/server.mjs) answers such a shell with that page instead, fetched
// once from itself and kept; every other response passes through untouched.
import zlib from 'node:zlib';

const ERROR_SHELL = '<html id="__next_error__">';
/** An address no route matches: the site's own not-found page is fetched from it. */
export const UNMATCHED_PATH = '/_journal/not-found';
/** Next's headers of the shell that do not describe the page sent instead. */
const SHELL_HEADERS = /^(content-length|content-type|content-encoding|etag|x-nextjs-.*)$/i;

/**
 * Which not-found page a request's shell is answered with: the first whose pattern matches its
 * path. A not-found that says something of its own (the certificate check's "We did not issue a
 * certificate with this ID") is a page of its own, cached for everyone like the unmatched one
 * (app/(site)/%5Fjournal/); every other address gets the site's not-found page.
 */
const NOT_FOUND_PAGES = [
  { paths: /^\/cme\/certificates\//, source: '/_journal/certificate-not-found', status: 200 },
  { paths: /^/, source: UNMATCHED_PATH, status: 404 },
];

/** The address a not-found page for `path` is fetched from, and the status that page answers with. */
export function notFoundPageFor(path) {
  const { source, status } = NOT_FOUND_PAGES.find((page) => page.paths.test(path));
  return { source, status };
}

const requestPath = (req) => (req.url ?? '').split('?')[0] ?? '';

/** Documents only: a client navigation (RSC), an API or a static file keeps Next's answer. */
function isDocumentRequest(req) {
  const path = requestPath(req);
  return (
    (req.method === 'GET' || req.method === 'HEAD') &&
    !req.headers.rsc &&
    !NOT_FOUND_PAGES.some((page) => page.source === path) &&
    !path.startsWith('/api/') &&
    !path.startsWith('/_next/')
  );
}

/**
 * The not-found page for a request path, as its source address serves it: each fetched from
 * `origin` on first need and kept for the life of the process (they are prerendered, one per
 * build). A failed fetch is retried on the next 404.
 */
export function createNotFoundPageSource(origin) {
  const pages = new Map();
  return (path) => {
    const { source, status } = notFoundPageFor(path);
    let page = pages.get(source);
    if (!page) {
      page = fetch(`${origin}${source}`, { headers: { accept: 'text/html' } }).then(async (response) => {
        const html = await response.text();
        if (response.status !== status || html.includes(ERROR_SHELL))
          throw new Error(`not-found page ${source}: ${response.status}`);
        return html;
      });
      page.catch(() => pages.delete(source));
      pages.set(source, page);
    }
    return page;
  };
}

/** The body as text, whatever Next's compression did to it (its shell is a few kilobytes). */
function bodyText(body, encoding) {
  try {
    if (encoding === 'gzip') return zlib.gunzipSync(body).toString('latin1');
    if (encoding === 'deflate') return zlib.inflateSync(body).toString('latin1');
    if (encoding === 'br') return zlib.brotliDecompressSync(body).toString('latin1');
    return body.toString('latin1');
  } catch {
    return '';
  }
}

const FALLBACK_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page not found</title></head><body><main><h1>Page not found</h1><p><a href="/">Go to the current issue</a></p></main></body></html>';

/**
 * Wraps `res` so that a 404 whose body is Next's error shell goes out as the not-found page
 * `notFoundPage` gives for the request's path instead (status 404, Next's other headers kept). A
 * 404 document is held whole until it ends (it is small, and compressed bytes show nothing until
 * then); any other status streams through untouched.
 */
export function replaceNotFoundErrorShell(req, res, notFoundPage) {
  if (!isDocumentRequest(req)) return;
  const { writeHead, write, end, flushHeaders } = res;
  let heldHead = null; // a 404's writeHead arguments, held with its body
  let held = null; // the 404's body, or null while the response is not a held 404
  let isDecided = false;

  // Held while the response may be a 404 document, however often it is called (compression and
  // Node's implicit headers call it again).
  res.writeHead = function (status, ...rest) {
    if (status !== 404 || (isDecided && !held)) return writeHead.call(this, status, ...rest);
    this.statusCode = status;
    if (rest.length || !heldHead) heldHead = rest;
    return this;
  };
  // Next flushes a streamed page's headers before its first bytes: a 404's wait for its body.
  res.flushHeaders = function () {
    if (res.statusCode === 404 && (held || !isDecided)) return;
    flushHeaders.call(this);
  };
  const decide = () => {
    isDecided = true;
    if (res.statusCode === 404) held = [];
    else if (heldHead) writeHead.call(res, res.statusCode, ...heldHead);
  };
  const keep = (chunk, encoding) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    held.push(
      typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8')
        : Buffer.from(chunk),
    );
  };
  const later = (callback) => {
    if (typeof callback === 'function') queueMicrotask(callback);
    return true;
  };
  res.write = function (chunk, encoding, callback) {
    if (!isDecided) decide();
    if (!held) return write.call(this, chunk, encoding, callback);
    keep(chunk, encoding);
    return later(typeof encoding === 'function' ? encoding : callback);
  };
  res.end = function (chunk, encoding, callback) {
    if (!isDecided) decide();
    if (!held) return end.call(this, chunk, encoding, callback);
    keep(chunk, encoding);
    later([chunk, encoding, callback].find((x) => typeof x === 'function'));
    const body = Buffer.concat(held);
    if (!bodyText(body, String(res.getHeader('content-encoding') ?? '')).includes(ERROR_SHELL)) {
      if (!res.headersSent) writeHead.call(res, 404, ...(heldHead ?? []));
      end.call(res, body);
      return this;
    }
    void sendNotFoundPage(body);
    return this;
  };
  const sendNotFoundPage = async (shell) => {
    if (res.headersSent) return void end.call(res, shell); // cannot happen while flushHeaders waits; never hang
    const headers = heldHead?.find((x) => x && typeof x === 'object') ?? {};
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const html = await notFoundPage(requestPath(req)).catch(() => FALLBACK_PAGE);
    for (const name of res.getHeaderNames()) if (SHELL_HEADERS.test(name)) res.removeHeader(name);
    writeHead.call(res, 404, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(html) });
    end.call(res, html);
  };
}
