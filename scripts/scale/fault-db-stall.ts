// Fault: the database hangs rather than goes down (a network partition). The instances reach
// PostgreSQL through a TCP proxy (tests/support/stalling-proxy.ts) that is switched to accept and
// read but never answer. Every answer must still be the normal one or a clear 503 with Retry-After,
// within the app's database timeouts (lib/create-database-adapter.ts), without the instances
// opening more connections than their pools hold; once traffic passes again the site recovers.
import { parseEnv } from '../../lib/env-schema';
import type { StallingProxy } from '../../tests/support/stalling-proxy';
import { check } from './checks';
import { checkFaultRun, runUnderFault, type Probe } from './fault-db-restart';
import { jobPoolSize } from '../../lib/jobs/job-pool-size';

const STALL_MS = 15_000;

export async function checkDatabaseStall(options: {
  front: string;
  proxy: StallingProxy;
  probes: Probe[];
  instances: number;
}) {
  const { front, proxy, probes, instances } = options;
  const settings = parseEnv(process.env);
  // The longest one request may wait: a pool slot or a new connection, then one unanswered
  // statement (statement timeout + pg's 1 s grace), and a second for the rest of the request.
  const maxMs = settings.DATABASE_CONNECT_TIMEOUT_MS + settings.DATABASE_STATEMENT_TIMEOUT_MS + 1000 + 1000;
  // Each instance: the app's pool, its job workers' pool and the one connection scripts/server.mjs
  // keeps for the institution ranges' version check.
  const perInstance = settings.DATABASE_POOL_SIZE + jobPoolSize(settings.JOB_CONCURRENCY) + 1;
  const pool = perInstance * instances;
  let openAtStall = 0;
  let peakDuring = 0;
  const run = await runUnderFault({
    front,
    probes,
    fault: {
      start: () => {
        proxy.stall();
        openAtStall = proxy.openConnections();
        proxy.resetPeak();
      },
      end: () => {
        peakDuring = proxy.peakConnections();
        proxy.pass();
      },
      ms: STALL_MS,
    },
  });
  checkFaultRun(run, { label: 'database stalled', probes, maxMs });
  check(
    `database stalled: no more connections than the pools hold (${instances} × ${perInstance})`,
    peakDuring <= pool,
    `${openAtStall} open when it stalled, at most ${peakDuring} during the ${STALL_MS / 1000} s stall, ` +
      `${proxy.openConnections()} open after recovery`,
  );
}
