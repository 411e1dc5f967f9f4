// The article page against a static file of the same size served from public/, both by the
// production server (scripts/server.mjs), with autocannon. A page view is now the one response:
// the server decides before it renders, so nothing per reader is fetched after load. Measured for
// a visitor (the shared page), a signed-in subscriber and a visitor from an institution's address
// (the per-reader page), and the shared page with our micro-cache off (Next's own cache). Then a
// Chromium figure: when a subscriber's full text is on screen vs a visitor's first paint.
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { chromium } from '@playwright/test';
import { signIn } from '../scale/sign-in';
import { startBenchServer } from './bench-server';

const SEED_DOI = '10.1001/archdermatol.2011.3156';
const SEED_PATH = `/doi/${SEED_DOI}`;
const GATED_PHRASE = 'This sample full text was written for the demonstration journal';
const INSTITUTION = { 'x-forwarded-for': '203.0.113.77' };
const STATIC_NAME = 'bench-static.html';
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const staticFile = path.resolve(import.meta.dirname, '../../public', STATIC_NAME);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const duration = Number(process.env.BENCH_SECONDS ?? 20);

export type PageFigure = { name: string; perSecond: number; p50: number; p99: number; failures: number };
export type StatementFigure = { who: string; perView: number };
export type BrowserFigure = { who: string; firstPaintMs: number; fullTextVisibleMs: number | null };

async function measure(name: string, options: { url: string; headers?: Record<string, string> }): Promise<PageFigure> {
  const result = await autocannon({ ...options, connections, duration });
  return {
    name,
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

async function warm(url: string, headers?: Record<string, string>) {
  await autocannon({ url, headers, connections: 5, amount: 200 });
}

/** Fails the run when a kind of reader does not get what it should in its one response. */
async function expectText(url: string, headers: Record<string, string>, hasText: boolean, who: string) {
  const body = await (await fetch(url, { headers })).text();
  if (body.includes(GATED_PHRASE) !== hasText)
    throw new Error(`The ${who} page view ${hasText ? 'lacks' : 'carries'} the full text.`);
}

/**
 * Database statements per page view, warm (the server has answered this kind of reader before):
 * 20 views one after another, less what the database ran in as long a quiet spell (the job
 * workers' and the institution-range version polls).
 */
async function statementsPerView(
  server: { statements: () => number },
  url: string,
  headers: Record<string, string>,
): Promise<number> {
  const views = 20;
  await fetch(url, { headers }).then((r) => r.text());
  let before = server.statements();
  const started = performance.now();
  for (let i = 0; i < views; i++) await fetch(url, { headers }).then((r) => r.text());
  const elapsed = performance.now() - started;
  const during = server.statements() - before;
  before = server.statements();
  await sleep(elapsed);
  const quiet = server.statements() - before;
  return Math.max(0, during - quiet) / views;
}

/** Median of five navigations: first contentful paint, and when the full text is on screen. */
async function browserFigures(baseUrl: string, cookie: string): Promise<BrowserFigure[]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const figures: BrowserFigure[] = [];
    for (const who of ['visitor', 'subscriber'] as const) {
      const context = await browser.newContext();
      if (who === 'subscriber') {
        // The sign-in's cookie header holds several pairs (CSRF token, session).
        const pairs = cookie.split('; ').map((pair) => pair.split(/=(.*)/s) as [string, string]);
        await context.addCookies(pairs.map(([name, value]) => ({ name, value, url: baseUrl })));
      }
      const page = await context.newPage();
      const runs: { paint: number; text: number | null }[] = [];
      for (let i = 0; i < 6; i++) {
        await page.goto(baseUrl + SEED_PATH, { waitUntil: 'load' });
        // The paint entry can come after the load event (a headless browser paints late).
        await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
        const timing = await page.evaluate((phrase) => {
          const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
          // The text is in the HTML: it is on screen with the first paint that includes it.
          const isThere = [...document.querySelectorAll('.gated-content')].some((el) =>
            el.textContent?.includes(phrase),
          );
          return { paint, text: isThere ? paint : null };
        }, GATED_PHRASE);
        if (i > 0) runs.push(timing); // the first navigation warms the browser's caches
      }
      const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      const texts = runs.map((r) => r.text).filter((t): t is number => t !== null);
      figures.push({
        who,
        firstPaintMs: median(runs.map((r) => r.paint)),
        fullTextVisibleMs: texts.length === runs.length ? median(texts) : null,
      });
      await context.close();
    }
    return figures;
  } finally {
    await browser.close();
  }
}

/**
 * BENCH_CPU_PROF=<folder>: a CPU profile of the server under subscriber page views (Node's
 * --cpu-prof, written when the server exits), summarized by scripts/bench/summarize-cpu-profile.ts.
 */
async function profileSubscriberViews(
  server: { restart: (env?: Record<string, string>, nodeArgs?: string[]) => Promise<void> },
  url: string,
  headers: Record<string, string>,
  profileDir: string,
) {
  const dir = path.resolve(profileDir);
  fs.mkdirSync(dir, { recursive: true });
  await server.restart({}, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  await warm(url, headers);
  const figure = await measure('article page view, subscriber, profiled', { url, headers });
  await server.restart(); // the profile is written as the profiled server exits
  console.error(`CPU profile (${Math.round(figure.perSecond)} views/s while profiled) in ${dir}`);
}

export async function benchArticlePages(): Promise<{
  pageBytes: number;
  figures: PageFigure[];
  browser: BrowserFigure[];
  statements: StatementFigure[];
}> {
  const server = await startBenchServer();
  try {
    const url = server.baseUrl + SEED_PATH;
    const html = await (await fetch(url)).text();
    // A static file of the article page's size; public/ is read when the server starts, so restart.
    fs.writeFileSync(staticFile, html);
    await server.restart();
    const cookie = await signIn(server.baseUrl, 'subscriber@example.com', 'journal-demo-2026');
    if (!cookie) throw new Error('The seeded subscriber could not sign in.');
    // A browser's user agent, so every view is recorded for COUNTER as a reader's would be
    // (autocannon sends none, which COUNTER's robots list matches: such views are not recorded).
    const readers = [
      ['visitor', { 'user-agent': BROWSER }, false],
      ['visitor without a user agent (a robot to COUNTER: not recorded)', {}, false],
      ['subscriber', { cookie, 'user-agent': BROWSER }, true],
      ['institution-address visitor', { ...INSTITUTION, 'user-agent': BROWSER }, true],
    ] as const;
    for (const [who, headers, hasText] of readers) await expectText(url, headers, hasText, who);
    const statements: StatementFigure[] = [];
    for (const [who, headers] of readers)
      statements.push({ who, perView: await statementsPerView(server, url, headers) });

    // The browser figure first, on a quiet server; a failure there (a busy machine) costs only it.
    const browser = await browserFigures(server.baseUrl, cookie).catch((error: unknown) => {
      console.error(`Chromium figure not taken: ${(error as Error).message}`);
      return [];
    });
    // Warm every path so the first seconds are not compilation or cold caches.
    await warm(`${server.baseUrl}/${STATIC_NAME}`);
    for (const [, headers] of readers) await warm(url, headers);
    const figures = [await measure('static file (public/)', { url: `${server.baseUrl}/${STATIC_NAME}` })];
    for (const [who, headers] of readers) {
      await sleep(1000);
      figures.push(await measure(`article page view, ${who} (the one response)`, { url, headers }));
    }
    await server.restart({ MICRO_CACHE_MS: '0' });
    await warm(url);
    figures.push(await measure('article page, visitor, micro-cache off', { url }));
    const profileDir = process.env.BENCH_CPU_PROF;
    if (profileDir) await profileSubscriberViews(server, url, { cookie, 'user-agent': BROWSER }, profileDir);
    return { pageBytes: html.length, figures, browser, statements };
  } finally {
    fs.rmSync(staticFile, { force: true });
    await server.stop();
  }
}
