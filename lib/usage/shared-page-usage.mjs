// COUNTER usage of the page every visitor shares (app/(article)/doi/…): our server answers most of
// those from its micro-cache, so neither Next nor the page runs, and only the server sees them.
// It hands each one, once answered 200/304, to the app's usage buffer
// (lib/usage/usage-event-buffer.ts, installed on globalThis by instrumentation.ts), which turns
// it into an Investigation + No_License (paid article) or a Request (free article) when it writes.

export const RECORD_USAGE = Symbol.for('journal.recordUsage');
export const FLUSH_USAGE = Symbol.for('journal.flushUsage');

/**
 * After `res` is sent, records one shared-page view of the article at `path` (/doi/<prefix>/<suffix>).
 * Prefetches are not views; anything but 200/304 is not counted (COUNTER §7.1).
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} path
 * @param {string | null} ip
 */
export function recordSharedArticleView(req, res, path, ip) {
  const record = /** @type {Record<symbol, ((input: object) => void) | undefined>} */ (globalThis)[RECORD_USAGE];
  if (!record || req.method !== 'GET') return;
  const purpose = String(req.headers['sec-purpose'] ?? req.headers['purpose'] ?? '');
  if (purpose.includes('prefetch') || req.headers['next-router-prefetch']) return;
  let doi;
  try {
    doi = decodeURIComponent(path.slice('/doi/'.length));
  } catch {
    return;
  }
  const userAgent = String(req.headers['user-agent'] ?? '');
  res.once('finish', () => {
    if (res.statusCode !== 200 && res.statusCode !== 304) return;
    record({ kind: 'shared_view', target: 'page', doi, ip, userAgent, userId: null, sessionId: null });
  });
}
