import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { AppError, NotFoundError } from '@/lib/errors/app-error';
import { recordAudit } from './record-audit';

export type JobFailure = {
  id: string;
  task: string;
  key: string | null;
  attempts: number;
  lastError: string | null;
  failedAt: Date;
  /** For an email job: whom it was for and its subject. */
  to: string | null;
  subject: string | null;
  /** For a Stripe event's job: the event's type (its id is in the key). */
  eventType: string | null;
};

export type QueueCounts = { waiting: number; retrying: number; running: number; failed: number };

// graphile-worker keeps a job that failed its last attempt (attempts = max_attempts) and deletes
// every job that succeeds: its failed jobs are the dead-letter list. Email jobs are keyed by their
// outbox row (lib/email/queue-emails.ts), which says what the email was; Stripe events' jobs by
// the received event (stripeEventJobKey).
const FAILED = 'j.attempts >= j.max_attempts AND j.locked_at IS NULL';

/** The 100 most recent jobs that gave up, newest first, with what each was about. */
export async function listJobFailures(): Promise<JobFailure[]> {
  return db.$queryRawUnsafe<JobFailure[]>(`
    SELECT j.id::text AS id, j.task_identifier AS task, j.key, j.attempts, j.last_error AS "lastError",
           j.updated_at AS "failedAt", o."to", o.subject, s.type AS "eventType"
    FROM graphile_worker.jobs j
    LEFT JOIN "OutboxEmail" o ON j.key = 'email:' || o.id
    LEFT JOIN "ReceivedStripeEvent" s ON j.key = 'stripe-event:' || s.id
    WHERE ${FAILED}
    ORDER BY j.updated_at DESC, j.id DESC LIMIT 100`);
}

export async function countQueuedJobs(): Promise<QueueCounts> {
  const [row] = await db.$queryRawUnsafe<Record<keyof QueueCounts, number>[]>(`
    SELECT count(*) FILTER (WHERE j.attempts = 0 AND j.locked_at IS NULL)::int AS waiting,
           count(*) FILTER (WHERE j.attempts > 0 AND j.attempts < j.max_attempts AND j.locked_at IS NULL)::int AS retrying,
           count(*) FILTER (WHERE j.locked_at IS NOT NULL)::int AS running,
           count(*) FILTER (WHERE ${FAILED})::int AS failed
    FROM graphile_worker.jobs j`);
  return row ?? { waiting: 0, retrying: 0, running: 0, failed: 0 };
}

export const retryJobSchema = z.object({
  jobId: z.string().regex(/^\d{1,18}$/, 'Choose a failed job from the list (its number is missing or not a number).'),
});

/**
 * Gives a failed job its attempts again, due now, and audits it. An email job's outbox row goes
 * back to `queued`. Only a job on the failure list: a waiting or running one is left alone.
 */
export async function retryFailedJob(actor: CurrentUser, { jobId }: z.infer<typeof retryJobSchema>) {
  return db.$transaction(async (tx) => {
    const [job] = await tx.$queryRawUnsafe<{ task: string; key: string | null; failed: boolean }[]>(
      `SELECT j.task_identifier AS task, j.key, (${FAILED}) AS failed FROM graphile_worker.jobs j WHERE j.id = $1::bigint`,
      jobId,
    );
    if (!job) throw new NotFoundError('No job has this number (it may have been retried and done since).');
    if (!job.failed)
      throw new AppError('This job has not failed: it is waiting or running.', 'conflict', 'job_not_failed');
    await tx.$executeRaw`SELECT graphile_worker.reschedule_jobs(ARRAY[${jobId}::bigint], run_at => now(), attempts => 0)`;
    const outboxEmailId = job.key?.startsWith('email:') ? job.key.slice('email:'.length) : null;
    if (outboxEmailId)
      await tx.outboxEmail.updateMany({ where: { id: outboxEmailId, status: 'failed' }, data: { status: 'queued' } });
    await recordAudit(tx, actor, {
      action: 'job.retry',
      targetType: 'Job',
      targetId: jobId,
      summary: `Retried the failed ${job.task} job ${job.key ?? jobId}`,
      after: { attempts: 0 },
    });
    return { retried: jobId };
  });
}
