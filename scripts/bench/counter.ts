// COUNTER reports: a year of TR_J1 (and TR, IR_A1, IR) for one institution over 1,000,000 generated
// usage events (goal: < 2 s on PostgreSQL). The events are generated in SQL (generate_series) and
// written by the app's writer (lib/usage/write-usage-events.ts, flags and month counts included,
// all at once rather than in batches): sessions of five uses, the first two
// on one article 12 s apart (a double-click), investigations, requests and denials, 2,000 articles
// in 5 journals, plus 200,000 events of another institution. On PostgreSQL: a fresh database
// `counter_bench` (BENCH_COUNTER_DB names another, so two people on one server do not drop each
// other's) on BENCH_COUNTER_PG_URL's server (default postgresql://postgres@127.0.0.1:5432);
// then the same on the embedded database in memory. BENCH_COUNTER_EVENTS changes the count.
import pg from 'pg';
import { startEmbeddedDatabase } from '../lib/embedded-db';
import { applyMigrations } from '../lib/schema-engine';

const EVENTS = Number(process.env.BENCH_COUNTER_EVENTS ?? 1_000_000);
const RUNS = 5;

export type CounterBenchFigure = {
  database: string;
  events: number;
  loadSeconds: number;
  trJ1: { medianMs: number; minMs: number; items: number };
  trMs: number;
  /** Medians of RUNS: IR_A1 and IR (every article with usage), and IR for one article (item_id). */
  irA1: { medianMs: number; items: number };
  irMs: number;
  irOneItemMs: number;
};
export type CounterFigures = { figures: CounterBenchFigure[]; loadAverage: string };

async function freshPostgres(): Promise<string> {
  const server = process.env.BENCH_COUNTER_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: server });
  const name = process.env.BENCH_COUNTER_DB ?? 'counter_bench';
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`BENCH_COUNTER_DB must be a plain name, not ${name}`);
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

async function generate(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  await client.query(`
    INSERT INTO "Journal" ("id", "slug", "title", "abbreviation", "issn", "publisher")
    SELECT 'bench-j' || j, 'bench-' || j, 'Bench Journal ' || j, 'Bench J ' || j, '1234-567' || j, 'Bench Publisher'
      FROM generate_series(0, 4) j`);
  await client.query(`
    INSERT INTO "Article" ("id", "doi", "journalId", "articleType", "title", "isFree", "previewHtml", "fullTextHtml", "keywords", "publishedOnline", "updatedAt")
    SELECT 'bench-a' || a, '10.5555/bench.' || a, 'bench-j' || (a % 5), 'research-article', 'Bench article ' || a,
           a % 5 = 0, '<p>p</p>', '<p>t</p>', '{}', make_date(2005 + a % 20, 1, 1), now()
      FROM generate_series(0, 1999) a`);
  await client.query(
    `INSERT INTO "Institution" ("id", "name", "activeFrom") VALUES ('bench-i', 'Bench University', now()), ('bench-other', 'Other', now())`,
  );
  await client.end();
  // The events, with COUNTER's flags and the month counts, by the app's writer (here all at once;
  // each institution's sessions are its own).
  const { db } = await import('@/lib/db');
  const { Prisma } = await import('@/generated/prisma/client');
  const { writeUsageEvents } = await import('@/lib/usage/write-usage-events');
  const insert = (institution: string, count: number, seed: number) =>
    writeUsageEvents(
      db,
      Prisma.sql`
      SELECT t AS "occurredAt", ${institution}::text AS "institutionId", NULL::text AS "userId",
             's' || ${seed}::int || '-' || s AS "sessionKey", 'bench-a' || art AS "articleId", 'bench-j' || (art % 5) AS "journalId",
             2005 + art % 20 AS "yop",
             (CASE WHEN art % 5 = 0 THEN 'Open' ELSE 'Controlled' END)::"CounterAccessType" AS "accessType",
             (CASE WHEN g % 5 = 0 THEN 'investigation' WHEN g % 5 = 3 AND art % 5 <> 0 THEN 'no_license'
                   WHEN g % 5 = 3 THEN 'investigation' ELSE 'request' END)::"UsageKind" AS "kind",
             CASE WHEN g % 5 = 4 THEN 'pdf' ELSE 'page' END AS "target"
        FROM (SELECT g, g / 5 AS s,
                     timestamp '2025-01-01' + ((g / 5) * (31536000.0 / (${count}::int / 5))) * interval '1 second' + (g % 5) * interval '12 seconds' AS t,
                     (((g / 5) * 7919 + CASE WHEN g % 5 < 2 THEN 0 ELSE g % 5 END * 104729) % 2000) AS art
                FROM generate_series(0, ${count}::int - 1) g) x`,
      { mayFollowEarlierEvents: false },
    );
  await insert('bench-i', EVENTS, 1);
  await insert('bench-other', Math.round(EVENTS / 5), 2);
  await db.$executeRawUnsafe('VACUUM ANALYZE "UsageEvent", "UsageMonthCount"');
  return (performance.now() - started) / 1000;
}

async function measure(database: string, url: string): Promise<CounterBenchFigure> {
  const loadSeconds = await generate(url);
  const { buildCounterReport } = await import('@/lib/counter/build-counter-report');
  const { parseReportRequest } = await import('@/lib/counter/parse-report-request');
  const { findReport } = await import('@/lib/counter/report-definitions');
  const now = new Date('2026-01-15T00:00:00Z');
  const customer = { id: 'bench-i', name: 'Bench University' };
  const year = new URLSearchParams({ begin_date: '2025-01', end_date: '2025-12' });
  const time = async (path: string, extra: Record<string, string> = {}) => {
    const query = new URLSearchParams({ ...Object.fromEntries(year), ...extra });
    const started = performance.now();
    const report = (await buildCounterReport(customer, parseReportRequest(findReport(path)!, query, now))) as {
      Report_Items: unknown[];
    };
    return { ms: performance.now() - started, items: report.Report_Items.length };
  };
  /** RUNS timings after one to warm (plans, connections, the module graph), sorted, and the item count. */
  const timeRuns = async (path: string, extra: Record<string, string> = {}) => {
    await time(path, extra);
    const runs: number[] = [];
    let items = 0;
    for (let i = 0; i < RUNS; i++) {
      const r = await time(path, extra);
      runs.push(r.ms);
      items = r.items;
    }
    runs.sort((a, b) => a - b);
    return { medianMs: runs[Math.floor(RUNS / 2)]!, minMs: runs[0]!, items };
  };
  const trJ1 = await timeRuns('tr_j1');
  const tr = await time('tr', { attributes_to_show: 'YOP|Access_Type' });
  const irA1 = await timeRuns('ir_a1');
  const ir = await timeRuns('ir', { attributes_to_show: 'YOP|Access_Type|Authors' });
  const irOneItem = await timeRuns('ir', { item_id: 'Proprietary:archdermatol:bench-a7' });
  return {
    database,
    events: EVENTS + Math.round(EVENTS / 5),
    loadSeconds,
    trJ1,
    trMs: tr.ms,
    irA1: { medianMs: irA1.medianMs, items: irA1.items },
    irMs: ir.medianMs,
    irOneItemMs: irOneItem.medianMs,
  };
}

export async function benchCounter(): Promise<CounterFigures> {
  // Each database in a child of its own would be cleaner; lib/db reads DATABASE_URL once, so the
  // embedded run goes second through a new process: `BENCH_COUNTER_DATABASE=embedded`.
  process.env.DATABASE_STATEMENT_TIMEOUT_MS ??= '600000';
  const figures: CounterBenchFigure[] = [];
  if (process.env.BENCH_COUNTER_DATABASE === 'embedded') {
    const database = await startEmbeddedDatabase({ dataDir: 'memory://', maxConnections: 20 });
    process.env.DATABASE_URL = database.url;
    await applyMigrations(database.url);
    figures.push(await measure('embedded PGlite, in memory', database.url));
  } else {
    const url = await freshPostgres();
    process.env.DATABASE_URL = url;
    await applyMigrations(url);
    figures.push(await measure('PostgreSQL 15 (local)', url));
    if (process.env.BENCH_COUNTER_EMBEDDED !== '0') {
      const { execFile } = await import('node:child_process');
      const { promisify } = await import('node:util');
      const runScript = new URL('./run.ts', import.meta.url).pathname;
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [...process.execArgv, runScript, '--part', 'counter'],
        {
          env: { ...process.env, BENCH_COUNTER_DATABASE: 'embedded', DATABASE_URL: '' },
          maxBuffer: 16 * 1024 * 1024,
        },
      );
      figures.push(...(JSON.parse(stdout.trim().split('\n').at(-1)!) as CounterFigures).figures);
    }
  }
  const { readFileSync } = await import('node:fs');
  return { figures, loadAverage: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') };
}
