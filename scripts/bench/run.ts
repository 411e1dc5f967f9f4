// npm run bench – one table: a static file vs the article page for visitors, subscribers and institution readers (ratios
// to static), CME quiz submission p50/p99, Stripe webhook events/s, background jobs (emails
// queued/s and sent/s), JATS import (articles/s, a 10 MB file's peak memory), the page of a
// 500 KB article, OAI-PMH harvests (time, peak RSS), COUNTER reports and recording's cost to a page view. `npm run bench -- quiz` (or pages, webhooks, jobs, import,
// large-page, search, oai, counter, recording) runs one
// part. Each part runs in a process of its own: the app's modules read
// DATABASE_URL once, and one part's server or database must not slow the next.
import { execFile } from 'node:child_process';
import os from 'node:os';
import { promisify } from 'node:util';
import { benchArticlePages } from './article-page';
import { benchCounter } from './counter';
import { benchImport } from './import';
import { benchJobs } from './jobs';
import { benchLargeArticlePage } from './large-article-page';
import { benchOai } from './oai';
import { benchQuiz } from './quiz';
import { benchSearch } from './search';
import { benchUsageRecording } from './usage-recording';
import { benchWebhooks } from './webhooks';

const PARTS = {
  pages: benchArticlePages,
  quiz: benchQuiz,
  webhooks: benchWebhooks,
  jobs: benchJobs,
  import: benchImport,
  'large-page': benchLargeArticlePage,
  search: benchSearch,
  counter: benchCounter,
  recording: benchUsageRecording,
  oai: benchOai,
} as const;
type Part = keyof typeof PARTS;
type Figures = { [P in Part]?: Awaited<ReturnType<(typeof PARTS)[P]>> };

const CHILD_FLAG = '--part';
const ROUNDS_NOTE = 'on/off then off/on, 50 connections';
const isPart = (name: string): name is Part => name in PARTS;

async function runPartInChild(part: Part): Promise<unknown> {
  const running = promisify(execFile)(process.execPath, [...process.execArgv, import.meta.filename, CHILD_FLAG, part], {
    maxBuffer: 64 * 1024 * 1024,
  });
  // The part's progress notes and profiles (BENCH_SEARCH_EXPLAIN) go to stderr as they come.
  running.child.stderr?.pipe(process.stderr);
  const { stdout } = await running;
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

const n = (value: number) => Math.round(value).toLocaleString('en-US');

function printTable(figures: Figures) {
  console.log(
    `\n${new Date().toISOString()} · ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`,
  );
  console.log('| what | throughput | p50 | p99 | vs static |');
  console.log('| --- | --- | --- | --- | --- |');
  const pages = figures.pages?.figures ?? [];
  const base = pages[0]?.perSecond ?? NaN;
  for (const page of pages) {
    const failures = page.failures > 0 ? ` (${page.failures} failed)` : '';
    console.log(
      `| ${page.name} | ${n(page.perSecond)}/s${failures} | ${page.p50} ms | ${page.p99} ms | **${(page.perSecond / base).toFixed(2)}** |`,
    );
  }
  const quiz = figures.quiz;
  if (quiz) {
    console.log(
      `| CME quiz submission, ${quiz.concurrency} concurrent (${quiz.attempts} graded; ${quiz.database}) | ${n(quiz.perSecond)}/s | ${quiz.p50.toFixed(1)} ms | **${quiz.p99.toFixed(1)} ms** | |`,
    );
  }
  const search = figures.search;
  if (search) {
    console.log(
      `| search, ${search.concurrency} concurrent (${search.searches} searches on ${n(search.articles)} articles; ${search.database}) | ${n(search.perSecond)}/s | ${search.p50.toFixed(1)} ms | **${search.p99.toFixed(1)} ms** | |`,
    );
  }
  const oai = figures.oai;
  if (oai) {
    for (const h of [oai.paged, oai.single]) {
      const how = h.mode === 'paged' ? `${h.responses} responses, resumption tokens` : 'one streamed response';
      console.log(
        `| OAI-PMH ListRecords (jats) of ${n(h.records)} of ${n(oai.articles)} records, ${how} (${(h.bytes / 2 ** 20).toFixed(0)} MB; embedded database) | ${n(h.records / (h.ms / 1000))} records/s | ${(h.ms / 1000).toFixed(1)} s | | **peak RSS ${h.peakMb.toFixed(0)} MB**, +${(h.peakMb - h.warmMb).toFixed(0)} MB over the process after its first 5-record page (${h.warmMb.toFixed(0)} MB; ${h.baselineMb.toFixed(0)} MB with modules loaded) (goal ≤ 150) |`,
      );
    }
  }
  const hooks = figures.webhooks;
  if (hooks) {
    for (const run of hooks.runs) {
      const what = `${run.delivered} with ${run.duplicates} duplicates, shuffled; ${run.database}`;
      console.log(
        `| Stripe webhook events acknowledged (verify, record, queue), ${run.concurrency} concurrent (${what}) | **${n(run.acknowledgedPerSecond)} events/s** (load ${run.acknowledgeLoad.toFixed(1)}) | | | goal ≥ 1,000/s |`,
      );
      console.log(
        `| … applied by one instance's workers (${run.jobConcurrency} at once) | **${n(run.appliedPerSecond)} events/s** (load ${run.applyLoad.toFixed(1)}) | | | goal ≥ ${run.database === 'PostgreSQL' ? 300 : 200}/s; exactly once: ${run.isExactlyOnce ? 'yes' : 'NO'} |`,
      );
    }
    for (const run of hooks.runs)
      console.log(
        `\nwebhooks (${run.database}): ${run.counts}; responses ${JSON.stringify(run.statuses)}; failed jobs ${run.failedJobs}`,
      );
  }
  const imports = figures.import;
  if (imports) {
    console.log(
      `| JATS import, ${imports.files} corpus files × ${imports.imported / imports.files} as npm run import:jats does (no assets; embedded database) | **${imports.perSecond.toFixed(1)} articles/s** | ${imports.p50.toFixed(0)} ms per article | | goal ≥ 20/s |`,
    );
    const large = imports.large;
    console.log(
      `| JATS import of one ${(large.bytes / 2 ** 20).toFixed(1)} MB file (child process) | ${(large.ms / 1000).toFixed(1)} s${large.error ? ` FAILED: ${large.error}` : ''} | | | **peak RSS ${large.peakMb.toFixed(0)} MB** (goal ≤ 300; ${large.baselineMb.toFixed(0)} MB before) |`,
    );
  }
  const large = figures['large-page'];
  if (large) {
    const kb = (n: number) => `${Math.round(n / 1024)} KB`;
    console.log(
      `| article page of a ${kb(large.jatsBytes)} article, server render (first request of ${large.articles} such articles; ${kb(large.pageBytes)} HTML) | | **${large.pageP50.toFixed(0)} ms** | | goal < 100 ms |`,
    );
    console.log(
      `| its page for a subscriber (per reader, full text in it; ${kb(large.readerPageBytes)} HTML), first request; again | | **${large.readerPageP50.toFixed(0)} ms**; ${large.readerPageAgainP50.toFixed(0)} ms | | goal < 100 ms |`,
    );
    console.log(
      `| its full text for a subscriber (the entitled variant; ${kb(large.fullTextBytes)}) | | **${large.fullTextP50.toFixed(0)} ms** | | goal < 100 ms |`,
    );
  }
  for (const c of figures.counter?.figures ?? []) {
    console.log(
      `| COUNTER TR_J1, a year for one institution (${n(c.events)} events, ${c.trJ1.items} journals; ${c.database}; events generated in ${c.loadSeconds.toFixed(1)} s) | | **${c.trJ1.medianMs.toFixed(0)} ms** (min ${c.trJ1.minMs.toFixed(0)}) | | goal < 2,000 ms |`,
    );
    console.log(`| … TR with YOP and Access_Type | | ${c.trMs.toFixed(0)} ms | | |`);
    console.log(
      `| … IR_A1, a year (${n(c.irA1.items)} journals of articles); IR with YOP, Access_Type, Authors; IR of one article (item_id) | | **${c.irA1.medianMs.toFixed(0)} ms**; ${c.irMs.toFixed(0)} ms; ${c.irOneItemMs.toFixed(0)} ms | | goal < 2,000 ms |`,
    );
  }
  if (figures.counter) console.log(`counter: load average ${figures.counter.loadAverage} when it ended`);
  const recording = figures.recording;
  for (const r of recording?.figures ?? [])
    console.log(
      `| article page view, ${r.who}, load from the bench's ${r.load}: COUNTER recording on vs off (${ROUNDS_NOTE}${r.failures ? `; ${r.failures} failed` : ''}; runs on ${r.onRuns.map(n).join(', ')}, off ${r.offRuns.map(n).join(', ')}) | ${n(r.onPerSecond)}/s vs ${n(r.offPerSecond)}/s | | | **${r.overheadPercent.toFixed(1)}% slower** (goal ≤ 5%) |`,
    );
  if (recording)
    console.log(
      `recording: ${n(recording.recordedEvents)} uses recorded by the "on" runs; load average ${recording.loadAverage} when it ended`,
    );
  const jobs = figures.jobs;
  if (jobs) {
    console.log(
      `| Background jobs: ${jobs.jobs} emails queued (sendEmail, 20 at once; ${jobs.database}) | **${n(jobs.enqueuedPerSecond)} queued/s** | | | |`,
    );
    console.log(
      `| … sent by one instance's workers (${jobs.concurrency} at once, SMTP stand-in) | **${n(jobs.processedPerSecond)} sent/s** | | | exactly once: ${jobs.isExactlyOnce ? 'yes' : 'NO'} |`,
    );
  }
  if (figures.pages) {
    console.log(`pages: ${figures.pages.pageBytes} bytes; autocannon, 50 connections, 20 s each`);
    for (const s of figures.pages.statements ?? [])
      console.log(`database statements per page view, ${s.who} (warm): ${s.perView.toFixed(1)}`);
    for (const b of figures.pages.browser)
      console.log(
        `Chromium, ${b.who}: first paint ${b.firstPaintMs.toFixed(0)} ms; full text on screen ${b.fullTextVisibleMs === null ? '—' : `${b.fullTextVisibleMs.toFixed(0)} ms`}`,
      );
  }
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === CHILD_FLAG) {
    const part = args[1] ?? '';
    if (!isPart(part)) throw new Error(`Unknown part ${part}`);
    console.log(JSON.stringify(await PARTS[part]()));
    process.exit(0);
  }
  const unknown = args.filter((a) => !isPart(a));
  if (unknown.length > 0)
    throw new Error(`Unknown part ${unknown.join(', ')}; choose from ${Object.keys(PARTS).join(', ')}.`);
  const parts = args.length > 0 ? (args as Part[]) : (Object.keys(PARTS) as Part[]);
  const figures: Figures = {};
  for (const part of parts) {
    console.error(`bench: ${part}…`);
    Object.assign(figures, { [part]: await runPartInChild(part) });
  }
  printTable(figures);
  if (figures.webhooks && !figures.webhooks.isExactlyOnce) process.exit(1);
  if (figures.jobs && !figures.jobs.isExactlyOnce) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
