// Runs every job that is due now with the app's own tasks (graphile-worker's runOnce: claim,
// run, complete or schedule the retry), for tests that check what a worker does.
import { runOnce } from 'graphile-worker';
import { db } from '@/lib/db';
import { jobLogger } from '@/lib/jobs/job-logger';
import { jobTasks } from '@/lib/jobs/job-tasks';

/**
 * Jobs not settled yet: due ones no worker holds (what another runOnce would take), and held ones.
 * No worker but runOnce runs in a test, so a held job is one whose end (done, or failed with its
 * error) a runOnce that already returned has not written yet: graphile-worker writes those a
 * moment later, and on a loaded PostgreSQL the test would read the job as neither run nor failed.
 */
async function countUnsettledJobs(): Promise<number> {
  const [row] = await db.$queryRaw<{ unsettled: number }[]>`
    SELECT count(*)::int AS unsettled FROM graphile_worker.jobs
    WHERE locked_at IS NOT NULL OR (run_at <= now() AND attempts < max_attempts)`;
  return row?.unsettled ?? 0;
}

export async function runQueuedJobs(): Promise<void> {
  // runOnce ends when it finds nothing it may take; a job can be added while it runs (a Stripe
  // event that failed among its customer's gets a job of its own), or still look held for a
  // moment on a busy PostgreSQL, so run again until every job is settled.
  for (let round = 0; round < 10; round++) {
    await runOnce({
      connectionString: process.env.DATABASE_URL,
      taskList: jobTasks,
      noPreparedStatements: true,
      crontab: '',
      logger: jobLogger,
    });
    if ((await countUnsettledJobs()) === 0) return;
    // Give a job just finished on a busy PostgreSQL a moment to free.
    await new Promise((resolve) => setTimeout(resolve, 100 * (round + 1)));
  }
}
