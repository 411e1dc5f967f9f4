import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { NotFoundError } from '@/lib/errors/app-error';
import { FOLLOW_UP_ANSWERS, type FollowUpAnswer } from './follow-up-email';
import { hashFollowUpToken } from './send-commitment-follow-up';

const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'This link is incomplete.');

export const followUpAnswerSchema = z.object({
  token: tokenSchema,
  answer: z.enum(FOLLOW_UP_ANSWERS, { message: 'Choose one of the answers.' }),
  barriers: z
    .string()
    .trim()
    .max(2000, 'Keep what got in the way under 2,000 characters.')
    .optional()
    .transform((v) => v || null),
});

export type FollowUpForLearner = {
  activityTitle: string;
  commitment: string;
  sentAt: Date;
  answer: FollowUpAnswer | null;
  barriers: string | null;
  answeredAt: Date | null;
};

const NOT_FOUND = 'This follow-up link is not valid: please open the full link from the email.';

/** The follow-up an emailed link names (the token is its only key), or null. Reads, never writes. */
export async function findFollowUpByToken(token: string): Promise<FollowUpForLearner | null> {
  if (!tokenSchema.safeParse(token).success) return null;
  const row = await db.cmeCommitmentFollowUp.findUnique({
    where: { tokenHash: hashFollowUpToken(token) },
    select: {
      commitment: true,
      sentAt: true,
      answer: true,
      barriers: true,
      answeredAt: true,
      attempt: { select: { activity: { select: { title: true } } } },
    },
  });
  if (!row) return null;
  const { attempt, ...rest } = row;
  return { ...rest, activityTitle: attempt.activity.title };
}

/**
 * Records the learner's answer to their follow-up. Pressing again (or a second tab) records the
 * same answer again, and a changed mind replaces it: one answer per follow-up, the latest.
 */
export async function recordFollowUpAnswer(input: z.infer<typeof followUpAnswerSchema>, at: Date): Promise<void> {
  const { count } = await db.cmeCommitmentFollowUp.updateMany({
    where: { tokenHash: hashFollowUpToken(input.token) },
    data: { answer: input.answer, barriers: input.barriers, answeredAt: at },
  });
  if (count === 0) throw new NotFoundError(NOT_FOUND);
}
