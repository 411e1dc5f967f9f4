// Runs every job that is due now with the app's own tasks (graphile-worker's runOnce: claim,
// run, complete or schedule the retry), for tests that check what a worker does.
import { runOnce } from 'graphile-worker';
import { jobLogger } from '@/lib/jobs/job-logger';
import { jobTasks } from '@/lib/jobs/job-tasks';

export async function runQueuedJobs(): Promise<void> {
  await runOnce({
    connectionString: process.env.DATABASE_URL,
    taskList: jobTasks,
    noPreparedStatements: true,
    crontab: '',
    logger: jobLogger,
  });
}
