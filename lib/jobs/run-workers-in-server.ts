import 'server-only';
import { startJobWorkers, type JobWorkers } from './start-job-workers';

const RETRY_MS = 10_000;

/** Where scripts/server.mjs finds the stop function, to let running jobs finish on SIGTERM. */
export const STOP_JOB_WORKERS = Symbol.for('journal.stopJobWorkers');

/**
 * Starts the job workers of this server (instrumentation.ts), and tries again every 10 s while
 * the database is away, so a server that starts during an outage still runs jobs once it is back.
 */
export function runWorkersInServer(): void {
  let workers: JobWorkers | null = null;
  let stopped = false;
  const attempt = () => {
    startJobWorkers().then(
      (started) => {
        workers = started;
        if (stopped) void started.stop();
      },
      (error: unknown) => {
        console.error(`[jobs] workers not started, trying again in ${RETRY_MS / 1000} s:`, error);
        if (!stopped) setTimeout(attempt, RETRY_MS).unref();
      },
    );
  };
  (globalThis as Record<symbol, unknown>)[STOP_JOB_WORKERS] = async () => {
    stopped = true;
    await workers?.stop();
  };
  attempt();
}
