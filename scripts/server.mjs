// Production HTTP server: Next's request handler behind a Node server of our own.
// - Every request carries the socket's address in a header no client can set (Next by itself
//   keeps a client-sent X-Forwarded-For); lib/http/client-ip.ts reads it, believing
//   X-Forwarded-For only from TRUSTED_PROXIES.
// - Pages that are the same for every visitor are served from a short in-memory cache
//   (scripts/lib/micro-cache.mjs): Next's own prerender cache is about half as fast as a
//   static file; this brings the public article page near static speed (see README, Performance).
// - Requests Next would answer with a 500 or not guard (broken %-escapes, %00, cross-site posts,
//   oversized server action bodies) get a 4xx first (scripts/lib/request-guard.mjs).
// - HSTS is sent when the site's address (SITE_URL) is https, decided here when the server starts:
//   Next's own headers are fixed at build time, and a build may be served on either scheme.
// - While the database is away, a page Next fails with its 500 goes out as a clear 503 with
//   Retry-After (lib/http/database-unavailable.mjs): Next cannot give a page another status.
import http from 'node:http';
import next from 'next';
import { createMicroCache } from './lib/micro-cache.mjs';
import { refuseRequest, sendRefusal } from './lib/request-guard.mjs';
import { answerUnavailableInsteadOf500 } from '../lib/http/database-unavailable.mjs';

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

// Only where the site is served over HTTPS: HSTS on plain http would be ignored or harmful.
const hsts = (process.env.SITE_URL ?? '').startsWith('https://') ? 'max-age=31536000; includeSubDomains' : null;

const server = http.createServer((req, res) => {
  req.headers[PEER_IP_HEADER] = req.socket.remoteAddress ?? '';
  if (hsts) res.setHeader('Strict-Transport-Security', hsts);
  const refusal = refuseRequest(req);
  if (refusal) return sendRefusal(req, res, refusal);
  if (cache?.handle(req, res)) return;
  answerUnavailableInsteadOf500(req, res);
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
    const jobsDone = stopJobWorkers().catch((error) => console.error('[jobs] stop failed:', error));
    void Promise.all([requestsDone, jobsDone]).then(() => process.exit(0));
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
