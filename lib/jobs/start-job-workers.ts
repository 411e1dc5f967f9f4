import 'server-only';
import { run, type Runner } from 'graphile-worker';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { jobLogger } from './job-logger';
import { jobPoolSize } from './job-pool-size';
import { jobCrontab, jobTasks } from './job-tasks';

export type JobWorkers = { stop: () => Promise<void> };

// The embedded database delivers no NOTIFY between connections (they share one PGlite session),
// so workers there find new jobs by polling; on PostgreSQL a NOTIFY wakes them at once.
const POLL_INTERVAL_MS = 500;
const SWEEP_INTERVAL_MS = 15_000;

/**
 * Takes back jobs claimed by a worker that has held them past JOB_STALE_LOCK_SECONDS: its
 * instance was killed (kill -9, a lost machine), since every job ends well inside that time.
 * graphile-worker would otherwise wait 4 hours before another worker may take them.
 */
export async function releaseAbandonedJobs(staleSeconds = env.JOB_STALE_LOCK_SECONDS): Promise<void> {
  await db.$executeRaw`
    SELECT graphile_worker.force_unlock_workers(array_agg(DISTINCT locked_by))
    FROM graphile_worker.jobs
    WHERE locked_by IS NOT NULL AND locked_at < now() - make_interval(secs => ${staleSeconds})`;
}

/**
 * Starts this instance's job workers (every instance runs them; a job is claimed by one worker
 * with SELECT … FOR UPDATE SKIP LOCKED, so it runs once across instances). `stop` lets running
 * jobs finish and claims no more.
 */
export async function startJobWorkers(options: { concurrency?: number } = {}): Promise<JobWorkers> {
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL is not set: job workers need the database.');
  const concurrency = options.concurrency ?? env.JOB_CONCURRENCY;
  const runner: Runner = await run({
    connectionString: env.DATABASE_URL,
    concurrency,
    maxPoolSize: jobPoolSize(concurrency),
    pollInterval: POLL_INTERVAL_MS,
    noPreparedStatements: true,
    noHandleSignals: true,
    crontab: jobCrontab,
    taskList: jobTasks,
    logger: jobLogger,
    // Jobs that end together are marked done in one statement (a Stripe event takes a few ms; two
    // statements of bookkeeping each would halve what the embedded database applies). A kill in
    // that instant runs the job again, which every task allows (an event applies once by its id).
    preset: { worker: { completeJobBatchDelay: 0 } },
  });
  // A worker that finds nothing waits POLL_INTERVAL_MS, and on the embedded database no NOTIFY
  // wakes it when a job is added (one PGlite session). A job that ends often leaves work behind
  // (a Stripe customer's drain that found the customer taken queues itself again), so wake the
  // idle workers then; nothing polls faster when the queue is empty.
  let isStopping = false;
  runner.events.on('job:complete', ({ worker }) => {
    if (!isStopping) worker.workerPool.nudge(concurrency);
  });
  const sweep = () => releaseAbandonedJobs().catch((error: unknown) => console.warn('[jobs] sweep failed:', error));
  await sweep();
  const timer = setInterval(() => void sweep(), SWEEP_INTERVAL_MS);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      isStopping = true;
      await runner.stop();
    },
  };
}
