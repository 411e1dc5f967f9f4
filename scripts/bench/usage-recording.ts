// COUNTER recording's cost to a page view: the same article page, for a visitor (the shared page,
// recorded by scripts/server.mjs) and a subscriber (the per-reader page, recorded by the page),
// with USAGE_RECORDING on and off, alternating on/off/on/off in one run so the machine's drift
// falls on both (goal: on is within 5% of off). Also how many uses the "on" runs recorded, so a
// run that recorded nothing cannot pass for a cheap one.
import autocannon from 'autocannon';
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
  onPerSecond: number;
  offPerSecond: number;
  overheadPercent: number;
  failures: number;
};
export type RecordingFigures = { figures: RecordingFigure[]; recordedEvents: number; loadAverage: string };

async function measure(url: string, headers: Record<string, string>) {
  await autocannon({ url, headers, connections: 5, amount: 200 }); // warm
  const result = await autocannon({ url, headers, connections, duration: seconds });
  return { perSecond: result.requests.average, failures: result.non2xx + result.errors + result.timeouts };
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
    const runs = new Map<string, { on: number[]; off: number[]; failures: number }>(
      readers.map(([who]) => [who, { on: [], off: [], failures: 0 }]),
    );
    const client = new pg.Client({ connectionString: server.databaseUrl });
    await client.connect();
    const countEvents = async () =>
      Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM "UsageEvent"')).rows[0]!.n);
    const before = await countEvents();
    let state: 'on' | 'off' = 'on';
    for (let round = 0; round < ROUNDS; round++) {
      for (const next of ['on', 'off'] as const) {
        if (next !== state || round === 0) await server.restart({ USAGE_RECORDING: next === 'on' ? 'true' : 'false' });
        state = next;
        for (const [who, headers] of readers) {
          await sleep(500);
          const run = runs.get(who)!;
          const { perSecond, failures } = await measure(url, headers);
          run[next].push(perSecond);
          run.failures += failures;
        }
      }
    }
    await server.restart(); // the last "on" uses are written on stop
    const recordedEvents = (await countEvents()) - before;
    await client.end();
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const figures = readers.map(([who]) => {
      const { on, off, failures } = runs.get(who)!;
      return {
        who,
        failures,
        onPerSecond: mean(on),
        offPerSecond: mean(off),
        overheadPercent: (1 - mean(on) / mean(off)) * 100,
      };
    });
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
