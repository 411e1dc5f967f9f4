import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { NotFoundError } from '@/lib/errors/app-error';
import { scheduleFollowUp } from './schedule-follow-up';

export const commitmentSchema = z.object({
  attemptId: z.string().min(1).max(64),
  commitment: z.string().trim().max(4000, 'Keep the commitment under 4,000 characters.'),
});

/**
 * Stores the optional Commitment to Change with the learner's own passed attempt (empty clears
 * it) and, in the same transaction, schedules its follow-up email (or removes it when cleared).
 * Once the follow-up was sent, an edited commitment is kept but never asked about again.
 */
export async function saveCommitment(options: {
  userId: string;
  attemptId: string;
  commitment: string;
  now: Date;
}): Promise<void> {
  const text = options.commitment.trim();
  await db.$transaction(async (tx) => {
    const { count } = await tx.cmeAttempt.updateMany({
      where: { id: options.attemptId, userId: options.userId, result: 'passed' },
      data: { commitment: text || null, commitmentAt: text ? options.now : null },
    });
    if (count === 0) throw new NotFoundError('There is no passed attempt of yours to add a commitment to.');
    const isAskedAlready = (await tx.cmeCommitmentFollowUp.count({ where: { attemptId: options.attemptId } })) > 0;
    if (!isAskedAlready) await scheduleFollowUp(tx, options.attemptId, text ? options.now : null);
  });
}
