// The article page against a static file of the same size served from public/, both by the
// production server (scripts/server.mjs), with autocannon: anonymous visitors, a signed-in
// subscriber (the page and its per-reader full-text request), and the page with our micro-cache
// off (what Next's own prerender cache gives).
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { signIn } from '../scale/sign-in';
import { startBenchServer } from './bench-server';

const SEED_DOI = '10.1001/archdermatol.2011.3156';
const SEED_PATH = `/doi/${SEED_DOI}`;
const FULL_TEXT_PATH = `/api/articles/full-text?doi=${encodeURIComponent(SEED_DOI)}`;
const STATIC_NAME = 'bench-static.html';
const staticFile = path.resolve(import.meta.dirname, '../../public', STATIC_NAME);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const duration = Number(process.env.BENCH_SECONDS ?? 20);

export type PageFigure = { name: string; perSecond: number; p50: number; p99: number; failures: number };

async function measure(
  name: string,
  options: { url: string; requests?: autocannon.Request[]; headers?: Record<string, string> },
  requestsPerView = 1,
): Promise<PageFigure> {
  const result = await autocannon({ ...options, connections, duration });
  return {
    name,
    perSecond: result.requests.average / requestsPerView,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

async function warm(url: string, headers?: Record<string, string>) {
  await autocannon({ url, headers, connections: 5, amount: 200 });
}

export async function benchArticlePages(): Promise<{ pageBytes: number; figures: PageFigure[] }> {
  const server = await startBenchServer();
  try {
    const html = await (await fetch(server.baseUrl + SEED_PATH)).text();
    // A static file of the article page's size; public/ is read when the server starts, so restart.
    fs.writeFileSync(staticFile, html);
    await server.restart();
    const cookie = await signIn(server.baseUrl, 'subscriber@example.com', 'journal-demo-2026');
    if (!cookie) throw new Error('The seeded subscriber could not sign in.');
    const fullText = (await (await fetch(server.baseUrl + FULL_TEXT_PATH, { headers: { cookie } })).json()) as {
      canRead?: boolean;
    };
    if (!fullText.canRead) throw new Error('The seeded subscriber is not entitled to the full text.');

    // Warm every path so the first seconds are not compilation or cold caches.
    await warm(server.baseUrl + SEED_PATH);
    await warm(`${server.baseUrl}/${STATIC_NAME}`);
    await warm(server.baseUrl + FULL_TEXT_PATH, { cookie });
    const figures = [await measure('static file (public/)', { url: `${server.baseUrl}/${STATIC_NAME}` })];
    await sleep(1000);
    figures.push(await measure('article page, anonymous (the page alone)', { url: server.baseUrl + SEED_PATH }));
    // A page view in a browser is the shared page plus the per-reader full-text request (which
    // visitors make too: their institution's address range may entitle them).
    const pageView = { url: server.baseUrl, requests: [{ path: SEED_PATH }, { path: FULL_TEXT_PATH }] };
    for (const [who, headers] of [
      ['anonymous', {}],
      ['subscriber', { cookie }],
    ] as const) {
      await sleep(1000);
      figures.push(
        await measure(`article page view, ${who} (page + its full-text request; views/s)`, { ...pageView, headers }, 2),
      );
    }
    await server.restart({ MICRO_CACHE_MS: '0' });
    await warm(server.baseUrl + SEED_PATH);
    figures.push(await measure('article page, anonymous, micro-cache off', { url: server.baseUrl + SEED_PATH }));
    return { pageBytes: html.length, figures };
  } finally {
    fs.rmSync(staticFile, { force: true });
    await server.stop();
  }
}
