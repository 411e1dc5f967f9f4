// While the database is away (a restart, a failover), every request that needs it fails at once;
// this module makes them all fail the same clear way: 503, Retry-After, a short page (JSON for
// /api). Route handlers answer so themselves (lib/http/error-response.ts, lib/http/html-route.ts).
// Pages cannot: Next answers a page that throws with a 500 and an empty shell. So the app notes
// the moment it saw the database away (instrumentation.ts, per process) and our HTTP server
// (scripts/server.mjs) turns a 500 answered in the next few seconds into this 503. It sits beside
// database-errors.ts (which recognises the error) rather than in lib/http/: the sign-in
// (lib/auth/auth-options.ts) and the COUNTER API say the same, and both are the domain's.

export const UNAVAILABLE_MESSAGE = 'The journal is briefly unavailable. Please try again in a few seconds.';
export const RETRY_AFTER_SECONDS = 5;

export const UNAVAILABLE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Briefly unavailable</title><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: Georgia, serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5">
<h1>Briefly unavailable</h1><p>${UNAVAILABLE_MESSAGE}</p><p><a href="">Try again</a></p>
</body></html>`;

// On globalThis: Next's bundle and our server load separate copies of this module in one process.
const SEEN_AT = Symbol.for('journal.databaseUnavailableAt');
const WINDOW_MS = 5_000;

export function noteDatabaseUnavailable(now = Date.now()) {
  globalThis[SEEN_AT] = now;
}

export function isDatabaseRecentlyUnavailable(now = Date.now()) {
  const seenAt = globalThis[SEEN_AT];
  return typeof seenAt === 'number' && now - seenAt < WINDOW_MS;
}

/**
 * Wraps `res` so that a 500 from Next, answered while the database was just seen away, goes out
 * as the 503 page (or JSON under /api/) instead; everything Next writes after it is dropped.
 */
export function answerUnavailableInsteadOf500(req, res) {
  const { writeHead, write, end } = res;
  let isReplaced = false;
  res.writeHead = function (status, ...rest) {
    if (status !== 500 || !isDatabaseRecentlyUnavailable()) return writeHead.call(this, status, ...rest);
    isReplaced = true;
    const isApi = (req.url ?? '').startsWith('/api/');
    const body = isApi ? JSON.stringify({ error: UNAVAILABLE_MESSAGE, code: 'unavailable' }) : UNAVAILABLE_PAGE;
    for (const name of this.getHeaderNames()) this.removeHeader(name);
    writeHead.call(this, 503, {
      'Content-Type': isApi ? 'application/json' : 'text/html; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      'Retry-After': String(RETRY_AFTER_SECONDS),
      'Cache-Control': 'no-store',
    });
    end.call(this, body);
    return this;
  };
  const dropped = (callback) => {
    if (typeof callback === 'function') queueMicrotask(callback);
    return true;
  };
  res.write = function (chunk, encoding, callback) {
    if (isReplaced) return dropped(typeof encoding === 'function' ? encoding : callback);
    return write.call(this, chunk, encoding, callback);
  };
  res.end = function (chunk, encoding, callback) {
    if (isReplaced) {
      dropped([chunk, encoding, callback].find((x) => typeof x === 'function'));
      return this;
    }
    return end.call(this, chunk, encoding, callback);
  };
}
