// Production HTTP server: Next's request handler behind a Node server of our own.
// - Every request carries the socket's address in a header no client can set (Next by itself
//   keeps a client-sent X-Forwarded-For); lib/access/client-ip.ts reads it, believing
//   X-Forwarded-For only from TRUSTED_PROXIES.
// - Pages that are the same for every visitor are served from a short in-memory cache
//   (scripts/lib/micro-cache.mjs): Next's own prerender cache is about half as fast as a
//   static file; this brings the public article page near static speed (see README, Performance).
// - Requests Next would answer with a 500 or not guard (broken %-escapes, %00, cross-site posts,
//   oversized server action bodies) get a 4xx first (scripts/lib/request-guard.mjs).
// - Before Next renders an article page, this server decides which of its two forms the request
//   gets (lib/http/reader-request.mjs): one that could be entitled (a session cookie, the reader's
//   own display cookies, or an address inside an institution range, held in memory here:
//   scripts/lib/institution-ranges.mjs) is marked for the per-reader page and never touches the
//   micro-cache; everyone else gets the shared page, from the micro-cache when it has it.
// - HSTS is sent when the site's address (SITE_URL) is https, decided here when the server starts:
//   Next's own headers are fixed at build time, and a build may be served on either scheme.
// - While the database is away, a page Next fails with its 500 goes out as a clear 503 with
//   Retry-After (lib/errors/database-unavailable.mjs): Next cannot give a page another status.
// - A page's notFound() comes from Next as an empty HTML shell (a Next.js bug); it goes out as the
//   real not-found page (scripts/lib/not-found-page.mjs).
import http from 'node:http';
import next from 'next';
import pg from 'pg';
import { createMicroCache } from './lib/micro-cache.mjs';
import { createNotFoundPageSource, replaceNotFoundErrorShell } from './lib/not-found-page.mjs';
import { refuseRequest, sendRefusal } from './lib/request-guard.mjs';
import { watchInstitutionRanges } from './lib/institution-ranges.mjs';
import { answerUnavailableInsteadOf500 } from '../lib/errors/database-unavailable.mjs';
import { ARTICLE_PAGE_PATH, hasReaderCookies, READER_HEADER } from '../lib/http/reader-request.mjs';
import { compileTrustedProxies, resolveClientIp } from '../lib/access/resolve-client-ip.mjs';
import { FLUSH_USAGE, recordSharedArticleView } from '../lib/usage/shared-page-usage.mjs';

const PEER_IP_HEADER = 'x-journal-peer-ip';
const port = Number(process.env.PORT ?? 3000);
const app = next({ dev: false, dir: process.cwd(), port, hostname: 'localhost' });
await app.prepare();
const handle = app.getRequestHandler();

// Public, prerendered pages only: the home page, issue and topic pages, article pages.
const PUBLIC_PAGE = /^\/(|issues(\/[^/]+\/[^/]+)?|topics\/[^/]+|doi\/10\.\d{4,9}\/[^/]+)$/;
const cacheMs = Number(process.env.MICRO_CACHE_MS ?? 10_000); // 0 turns the cache off (benchmarks)
const cache =
  cacheMs > 0 ? createMicroCache({ isCandidatePath: (path) => PUBLIC_PAGE.test(path), ttlMs: cacheMs }) : null;

// One small connection of its own, for the range version check (answers within the timeouts, or
// the last list stays). Without a database URL every address counts as possibly entitled.
const rangesPool = process.env.DATABASE_URL
  ? new pg.Pool({
      connectionString: process.env.DATABASE_URL,
      max: 1,
      connectionTimeoutMillis: 3000,
      query_timeout: 3000,
      idleTimeoutMillis: 0,
    })
  : null;
rangesPool?.on('error', () => {}); // a dropped idle connection: the next poll reconnects
const ranges = watchInstitutionRanges({
  query: async (sql) =>
    rangesPool ? (await rangesPool.query(sql)).rows : Promise.reject(new Error('no DATABASE_URL')),
  intervalMs: Number(process.env.INSTITUTION_RANGES_POLL_MS ?? 1000),
});
await ranges.ready;
const trustProxies = compileTrustedProxies(process.env.TRUSTED_PROXIES ?? '');
const notFoundPage = createNotFoundPageSource(`http://127.0.0.1:${port}`);

/**
 * Marks an article-page request that could be entitled; anything a client sent in the header is
 * dropped. A shared-page view is recorded for COUNTER here, since the micro-cache may answer it
 * (the per-reader page records its own, knowing the reader and the decision).
 */
function markReaderRequest(req, res) {
  delete req.headers[READER_HEADER];
  const path = (req.url ?? '').split('?')[0] ?? '';
  if (!ARTICLE_PAGE_PATH.test(path)) return false;
  const ip = resolveClientIp(
    req.socket.remoteAddress ?? null,
    String(req.headers['x-forwarded-for'] ?? '') || null,
    trustProxies,
  );
  const isReader = hasReaderCookies(req.headers.cookie) || ranges.contains(ip);
  if (isReader) req.headers[READER_HEADER] = '1';
  else recordSharedArticleView(req, res, path, ip);
  return isReader;
}

// Only where the site is served over HTTPS: HSTS on plain http would be ignored or harmful.
const hsts = (process.env.SITE_URL ?? '').startsWith('https://') ? 'max-age=31536000; includeSubDomains' : null;

const server = http.createServer((req, res) => {
  req.headers[PEER_IP_HEADER] = req.socket.remoteAddress ?? '';
  if (hsts) res.setHeader('Strict-Transport-Security', hsts);
  const refusal = refuseRequest(req);
  if (refusal) return sendRefusal(req, res, refusal);
  // A request that could be entitled never reads or fills the shared micro-cache.
  if (!markReaderRequest(req, res) && cache?.handle(req, res)) return;
  answerUnavailableInsteadOf500(req, res);
  replaceNotFoundErrorShell(req, res, notFoundPage);
  void handle(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(port, () => console.log(`Ready on http://localhost:${port}`));

// Stop taking requests and jobs; exit once the open requests and running jobs are done (at most
// 10 s: a job cut short is taken over by another instance, see lib/jobs/start-job-workers.ts).
const stopJobWorkers = () => globalThis[Symbol.for('journal.stopJobWorkers')]?.() ?? Promise.resolve();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    const requestsDone = new Promise((resolve) => server.close(resolve));
    // close() ends only the connections idle at that moment; a browser mid-page keeps its others
    // open for keep-alive and sends more on them, which held the exit for the full 10 s.
    setInterval(() => server.closeIdleConnections(), 50).unref();
    const jobsDone = stopJobWorkers().catch((error) => console.error('[jobs] stop failed:', error));
    // COUNTER events still in memory are written before the process ends (lib/usage/).
    const usageDone = requestsDone
      .then(() => globalThis[FLUSH_USAGE]?.())
      .catch((error) => console.error('[usage] final write failed:', error));
    void Promise.all([requestsDone, jobsDone, usageDone]).then(() => process.exit(0));
    setTimeout(() => {
      console.error('[server] requests or jobs still open 10 s after the stop signal: exiting anyway');
      process.exit(0);
    }, 10_000).unref();
  });
}
