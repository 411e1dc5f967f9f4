import 'server-only';
import type { Prisma } from '@/generated/prisma/client';

/** What each task is given; a task parses its payload again (tasks/*) before it acts. */
export type JobPayloads = {
  'send-email': { outboxEmailId: string };
  'send-issue-alerts': { issueId: string };
  /** One Stripe object (a customer, or an object without one) whose received events to apply. */
  'apply-stripe-events': { objectId: string };
  /** The Stripe event as received (its signature checked then), which failed among its object's. */
  'apply-stripe-event': { event: { id: string; type: string; data: { object: Record<string, unknown> } } };
  'send-cme-follow-up': { attemptId: string };
  'match-saved-searches': { articleIds: string[] };
  'send-search-digests': Record<string, never>;
  'prune-stripe-event-bodies': Record<string, never>;
};
export type JobTask = keyof JobPayloads;

export type JobSpec<T extends JobTask = JobTask> = {
  task: T;
  payload: JobPayloads[T];
  /** Unique while the job exists (a second enqueue replaces it); names the job on /admin/jobs. */
  key: string;
  /** Jobs with the same queue name run one at a time, in the order they were added. */
  queue?: string;
  maxAttempts?: number;
  /** Not before this instant (default: at once). */
  runAt?: Date;
  /** A waiting job under the same key keeps its own time (by default a second enqueue moves it to `runAt`). */
  keepsWaitingJobsTime?: boolean;
};

const DEFAULT_MAX_ATTEMPTS = 8;

/**
 * Adds jobs in the caller's transaction: they exist exactly when the rows they act on do, and a
 * worker (lib/jobs/start-job-workers.ts, in every instance) runs each one, retrying failures
 * after e^attempt seconds. One statement, however many jobs.
 */
export async function enqueueJobs(tx: Prisma.TransactionClient, jobs: JobSpec[]): Promise<void> {
  if (jobs.length === 0) return;
  await tx.$executeRaw`
    SELECT graphile_worker.add_job(
      j.task, j.payload::json, queue_name => j.queue, max_attempts => j.max_attempts, job_key => j.key,
      run_at => coalesce(j.run_at, now()), job_key_mode => j.key_mode)
    FROM unnest(
      ${jobs.map((j) => j.task)}::text[], ${jobs.map((j) => JSON.stringify(j.payload))}::text[],
      ${jobs.map((j) => j.queue ?? null)}::text[], ${jobs.map((j) => j.maxAttempts ?? DEFAULT_MAX_ATTEMPTS)}::int[],
      ${jobs.map((j) => j.key)}::text[], ${jobs.map((j) => j.runAt?.toISOString() ?? null)}::timestamptz[],
      ${jobs.map((j) => (j.keepsWaitingJobsTime ? 'preserve_run_at' : 'replace'))}::text[]
    ) AS j(task, payload, queue, max_attempts, key, run_at, key_mode)`;
}
