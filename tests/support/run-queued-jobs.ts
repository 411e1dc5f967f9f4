// Runs every job that is due now with the app's own tasks (graphile-worker's runOnce: claim,
// run, complete or schedule the retry), for tests that check what a worker does.
import { runOnce } from 'graphile-worker';
import { db } from '@/lib/db';
import { jobLogger } from '@/lib/jobs/job-logger';
import { jobTasks } from '@/lib/jobs/job-tasks';

/** Due jobs no worker holds: what another runOnce would take. */
async function countWaitingJobs(): Promise<number> {
  const [row] = await db.$queryRaw<{ waiting: number }[]>`
    SELECT count(*)::int AS waiting FROM graphile_worker.jobs
    WHERE run_at <= now() AND attempts < max_attempts AND locked_at IS NULL`;
  return row?.waiting ?? 0;
}

export async function runQueuedJobs(): Promise<void> {
  // runOnce ends when it finds nothing it may take; a job can be added while it runs (a Stripe
  // event that failed among its customer's gets a job of its own), or still look held for a
  // moment on a busy PostgreSQL, so run again while due jobs wait.
  for (let round = 0; round < 10; round++) {
    await runOnce({
      connectionString: process.env.DATABASE_URL,
      taskList: jobTasks,
      noPreparedStatements: true,
      crontab: '',
      logger: jobLogger,
    });
    if ((await countWaitingJobs()) === 0) return;
    // Give a job just finished on a busy PostgreSQL a moment to free.
    await new Promise((resolve) => setTimeout(resolve, 100 * (round + 1)));
  }
}
