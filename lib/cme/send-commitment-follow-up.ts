import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { now } from '@/lib/clock';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { queueEmails } from '@/lib/email/queue-emails';
import { composeFollowUpEmail, followUpDueAt } from './follow-up-email';
import { scheduleFollowUp } from './schedule-follow-up';

export const hashFollowUpToken = (token: string) => createHash('sha256').update(token).digest('hex');

export type FollowUpOutcome = 'sent' | 'already-sent' | 'no-commitment' | 'not-due';

/**
 * The `send-cme-follow-up` job: emails the learner once to ask whether they made the change they
 * committed to. The follow-up row (unique per attempt) and the email are written in one
 * transaction, so a retried or duplicated job never sends a second email; a commitment cleared
 * since is not asked about; one edited since (or a job run early) waits until it is due by the
 * server's clock.
 */
export async function sendCommitmentFollowUp(attemptId: string): Promise<FollowUpOutcome> {
  const attempt = await db.cmeAttempt.findUnique({
    where: { id: attemptId },
    select: {
      commitment: true,
      commitmentAt: true,
      followUp: { select: { id: true } },
      user: { select: { email: true, name: true } },
      activity: { select: { title: true } },
    },
  });
  if (!attempt?.commitment || !attempt.commitmentAt) return 'no-commitment';
  if (attempt.followUp) return 'already-sent';
  const { commitment, commitmentAt } = attempt;
  const at = now();
  if (at < followUpDueAt(commitmentAt, env.CME_FOLLOW_UP_DELAY_DAYS)) {
    await db.$transaction((tx) => scheduleFollowUp(tx, attemptId, commitmentAt));
    return 'not-due';
  }
  const token = randomBytes(32).toString('base64url');
  return db.$transaction(async (tx) => {
    const inserted = await tx.$executeRaw`
      INSERT INTO "CmeCommitmentFollowUp" ("id", "attemptId", "commitment", "tokenHash", "sentAt")
      VALUES (${randomBytes(12).toString('base64url')}, ${attemptId}, ${commitment}, ${hashFollowUpToken(token)}, ${at})
      ON CONFLICT ("attemptId") DO NOTHING`;
    if (inserted === 0) return 'already-sent';
    await queueEmails(tx, [
      composeFollowUpEmail({
        to: attempt.user.email,
        learnerName: attempt.user.name,
        activityTitle: attempt.activity.title,
        commitment,
        delayDays: env.CME_FOLLOW_UP_DELAY_DAYS,
        siteUrl: env.SITE_URL,
        token,
      }),
    ]);
    return 'sent';
  });
}
