import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';

export const commitmentSchema = z.object({
  attemptId: z.string().min(1).max(64),
  commitment: z.string().trim().max(4000, 'Keep the commitment under 4,000 characters.'),
});

/** Stores the optional Commitment to Change with the learner's own passed attempt; empty clears it. */
export async function saveCommitment(options: {
  userId: string;
  attemptId: string;
  commitment: string;
  now: Date;
}): Promise<void> {
  const text = options.commitment.trim();
  const { count } = await db.cmeAttempt.updateMany({
    where: { id: options.attemptId, userId: options.userId, result: 'passed' },
    data: { commitment: text || null, commitmentAt: text ? options.now : null },
  });
  if (count === 0) throw new NotFoundError('There is no passed attempt of yours to add a commitment to.');
}
