// COUNTER recording's cost to a page view: the same article page, for a visitor (the shared page,
// recorded by scripts/server.mjs) and a subscriber (the per-reader page, recorded by the page),
// with USAGE_RECORDING on and off, alternating on/off/off/on in one run so the machine's drift
// falls on both (goal: on is within 5% of off). Also how many uses the "on" runs recorded, so a
// run that recorded nothing cannot pass for a cheap one.
// The embedded database runs in this process (bench-server.ts), so while it writes usage it stops
// a load generator on this thread from sending: each figure is measured twice, the load from a
// worker thread (as from another machine; the database still takes its share of the 2 cores) and
// from this thread (the figure before December 2026, which counts the database's time twice).
import autocannon from 'autocannon';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import { signIn } from '../scale/sign-in';
import { startBenchServer } from './bench-server';

const SEED_PATH = '/doi/10.1001/archdermatol.2011.3156';
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const seconds = Number(process.env.BENCH_RECORDING_SECONDS ?? 10);
const ROUNDS = 2;

export type RecordingFigure = {
  who: string;
  /** Where autocannon ran: a worker thread, or the thread the embedded database runs on. */
  load: 'worker thread' | 'database thread';
  onPerSecond: number;
  offPerSecond: number;
  overheadPercent: number;
  /** Each run's requests per second, in the order taken: the spread tells the noise. */
  onRuns: number[];
  offRuns: number[];
  failures: number;
};
export type RecordingFigures = { figures: RecordingFigure[]; recordedEvents: number; loadAverage: string };

async function measure(url: string, headers: Record<string, string>, load: RecordingFigure['load']) {
  await autocannon({ url, headers, connections: 5, amount: 1000 }); // warm
  const result = await autocannon({
    url,
    headers,
    connections,
    duration: seconds,
    ...(load === 'worker thread' ? { workers: 1 } : {}),
  });
  return { perSecond: result.requests.average, failures: result.non2xx + result.errors + result.timeouts };
}

const LOADS: RecordingFigure['load'][] = ['worker thread', 'database thread'];

/**
 * BENCH_CPU_PROF=<folder>: CPU profiles of one visitor run (load from a worker thread) with
 * recording on and one with it off: the server's (--cpu-prof, written as it exits) and this
 * process's, which holds the embedded database (the flush's SQL); summarize each with
 * scripts/bench/summarize-cpu-profile.ts.
 */
async function profileRuns(server: Awaited<ReturnType<typeof startBenchServer>>, url: string, dir: string) {
  fs.mkdirSync(dir, { recursive: true });
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  for (const state of ['on', 'off'] as const) {
    const serverDir = path.join(dir, `server-${state}`);
    await server.restart({ USAGE_RECORDING: state === 'on' ? 'true' : 'false' }, [
      '--cpu-prof',
      `--cpu-prof-dir=${serverDir}`,
    ]);
    await session.post('Profiler.start');
    const { perSecond } = await measure(url, { 'user-agent': BROWSER }, 'worker thread');
    const { profile } = await session.post('Profiler.stop');
    fs.writeFileSync(path.join(dir, `database-process-${state}.cpuprofile`), JSON.stringify(profile));
    console.error(`bench: profiled recording ${state}, visitor, worker thread: ${Math.round(perSecond)}/s`);
  }
  await server.restart();
  session.disconnect();
}

export async function benchUsageRecording(): Promise<RecordingFigures> {
  const server = await startBenchServer();
  try {
    const url = server.baseUrl + SEED_PATH;
    const cookie = await signIn(server.baseUrl, 'subscriber@example.com', 'journal-demo-2026');
    if (!cookie) throw new Error('The seeded subscriber could not sign in.');
    const readers = [
      ['visitor (shared page)', { 'user-agent': BROWSER }],
      ['subscriber (per-reader page)', { cookie, 'user-agent': BROWSER }],
    ] as const;
    const keyOf = (who: string, load: string) => `${who}|${load}`;
    const runs = new Map<string, { on: number[]; off: number[]; failures: number }>(
      readers.flatMap(([who]) => LOADS.map((load) => [keyOf(who, load), { on: [], off: [], failures: 0 }] as const)),
    );
    const client = new pg.Client({ connectionString: server.databaseUrl });
    await client.connect();
    const countEvents = async () =>
      Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM "UsageEvent"')).rows[0]!.n);
    const before = await countEvents();
    for (let round = 0; round < ROUNDS; round++) {
      // on/off, then off/on: a drift of the machine over the run weighs on both alike.
      for (const next of round % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
        // Every run starts from a fresh server, warmed alike.
        await server.restart({ USAGE_RECORDING: next === 'on' ? 'true' : 'false' });
        for (const load of LOADS)
          for (const [who, headers] of readers) {
            await sleep(500);
            const run = runs.get(keyOf(who, load))!;
            const { perSecond, failures } = await measure(url, headers, load);
            run[next].push(perSecond);
            run.failures += failures;
            console.error(`bench: recording ${next}, ${who}, load from the ${load}: ${Math.round(perSecond)}/s`);
          }
      }
    }
    await server.restart(); // the last "on" uses are written on stop
    const recordedEvents = (await countEvents()) - before;
    if (process.env.BENCH_CPU_PROF) await profileRuns(server, url, process.env.BENCH_CPU_PROF);
    await client.end();
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const figures = LOADS.flatMap((load) =>
      readers.map(([who]) => {
        const { on, off, failures } = runs.get(keyOf(who, load))!;
        return {
          who,
          load,
          failures,
          onPerSecond: mean(on),
          offPerSecond: mean(off),
          overheadPercent: (1 - mean(on) / mean(off)) * 100,
          onRuns: on,
          offRuns: off,
        };
      }),
    );
    const { readFileSync } = await import('node:fs');
    return {
      figures,
      recordedEvents,
      loadAverage: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
    };
  } finally {
    await server.stop();
  }
}
