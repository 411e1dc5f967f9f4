import 'server-only';
import type { Prisma } from '@/generated/prisma/client';
import { env } from '@/lib/env';
import { enqueueJobs } from '@/lib/jobs/enqueue-jobs';
import { followUpDueAt } from './follow-up-email';

/** One follow-up job per attempt: scheduling again moves it, never adds a second. */
export const followUpJobKey = (attemptId: string) => `cme-follow-up:${attemptId}`;

/**
 * In the caller's transaction: schedules the Commitment-to-Change follow-up of an attempt for
 * CME_FOLLOW_UP_DELAY_DAYS after `commitmentAt` (a job with run_at, keyed by the attempt, so an
 * edited commitment moves it), or removes it when the commitment was cleared (`null`). A job
 * already running is left alone: it reads the attempt again before it sends.
 */
export async function scheduleFollowUp(
  tx: Prisma.TransactionClient,
  attemptId: string,
  commitmentAt: Date | null,
): Promise<void> {
  if (commitmentAt === null) {
    await tx.$executeRaw`SELECT graphile_worker.remove_job(${followUpJobKey(attemptId)})`;
    return;
  }
  await enqueueJobs(tx, [
    {
      task: 'send-cme-follow-up',
      payload: { attemptId },
      key: followUpJobKey(attemptId),
      runAt: followUpDueAt(commitmentAt, env.CME_FOLLOW_UP_DELAY_DAYS),
    },
  ]);
}
