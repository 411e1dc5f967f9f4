// npm run lighthouse – Lighthouse (mobile: a phone's width, simulated slow 4G and CPU) on the
// production server (the bench's: in-memory embedded database, seeded, the .next-bench build,
// scripts/server.mjs), with Debian's Chromium. Prints the four category scores and LCP, CLS and
// TBT for the article page as a visitor and as a subscriber, and for the home, issue, search and
// CME quiz pages. Not part of `npm test`: scores move with the machine's load.
// LIGHTHOUSE_PAGES=article-visitor,article-subscriber runs some of them; LIGHTHOUSE_REPORT_DIR=<folder>
// keeps each page's whole report (JSON) there, to see what an audit found.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import lighthouse from 'lighthouse';
import pg from 'pg';
import { signIn } from './scale/sign-in';
import { startBenchServer } from './bench/bench-server';

const SEED_DOI = '10.1001/archdermatol.2011.3156';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const debuggingPort = Number(process.env.LIGHTHOUSE_CDP_PORT ?? 4820);

type Target = { name: string; path: string; asSubscriber: boolean };

async function startChromium(): Promise<() => void> {
  const chromium = spawn(
    process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    [
      '--headless=new',
      `--remote-debugging-port=${debuggingPort}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${debuggingPort}/json/version`)).ok) return () => chromium.kill();
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  chromium.kill();
  throw new Error(`Chromium did not open its debugging port ${debuggingPort}.`);
}

async function firstCmeActivity(databaseUrl: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      'SELECT id FROM "CmeActivity" ORDER BY "releaseAt" DESC LIMIT 1',
    );
    return rows[0]?.id ?? null;
  } finally {
    await client.end();
  }
}

async function main() {
  const server = await startBenchServer();
  const stopChromium = await startChromium();
  try {
    const cookie = await signIn(server.baseUrl, 'subscriber@example.com', 'journal-demo-2026');
    if (!cookie) throw new Error('The seeded subscriber could not sign in.');
    const activity = await firstCmeActivity(server.databaseUrl);
    const targets: Target[] = [
      { name: 'article-visitor', path: `/doi/${SEED_DOI}`, asSubscriber: false },
      { name: 'article-subscriber', path: `/doi/${SEED_DOI}`, asSubscriber: true },
      { name: 'home', path: '/', asSubscriber: false },
      { name: 'issue', path: '/issues/148/4', asSubscriber: false },
      { name: 'search', path: '/search?q=dress', asSubscriber: false },
      ...(activity ? [{ name: 'cme-quiz', path: `/cme/${activity}`, asSubscriber: true }] : []),
    ];
    const chosen = process.env.LIGHTHOUSE_PAGES?.split(',');
    const rows: string[] = [];
    let version = '';
    for (const target of targets.filter((t) => !chosen || chosen.includes(t.name))) {
      const url = server.baseUrl + target.path;
      await fetch(url, { headers: target.asSubscriber ? { cookie } : {} }).then((r) => r.text()); // warm
      const result = await lighthouse(url, {
        port: debuggingPort,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
        // Lighthouse's default form factor is a phone (412 px wide, simulated slow 4G and CPU).
        formFactor: 'mobile',
        ...(target.asSubscriber && { extraHeaders: { Cookie: cookie } }),
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}.`);
      const reportDir = process.env.LIGHTHOUSE_REPORT_DIR;
      if (reportDir) {
        fs.mkdirSync(reportDir, { recursive: true });
        fs.writeFileSync(`${reportDir}/${target.name}.json`, JSON.stringify(result.lhr, null, 1));
      }
      const { categories, audits } = result.lhr;
      version = result.lhr.lighthouseVersion;
      const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
      const ms = (id: string) => `${Math.round(audits[id]?.numericValue ?? NaN)} ms`;
      const failing = CATEGORIES.flatMap((c) =>
        (categories[c]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => ref.id),
      );
      rows.push(
        `| ${target.name} | ${CATEGORIES.map(score).join(' | ')} | ${ms('largest-contentful-paint')} | ${(audits['cumulative-layout-shift']?.numericValue ?? NaN).toFixed(3)} | ${ms('total-blocking-time')} | ${failing.join(', ') || '—'} |`,
      );
      console.error(rows.at(-1));
    }
    const load = fs.readFileSync('/proc/loadavg', 'utf8').trim();
    console.log(`\n${new Date().toISOString()} · Lighthouse ${version}, mobile · load average ${load}`);
    console.log('| page | performance | accessibility | best practices | SEO | LCP | CLS | TBT | audits below 1 |');
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const row of rows) console.log(row);
  } finally {
    stopChromium();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
