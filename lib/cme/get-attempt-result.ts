import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';

/** CmeAttempt.answers as insertAttempt writes it. */
const storedAnswersSchema = z.array(z.object({ questionId: z.string(), optionId: z.string(), isCorrect: z.boolean() }));

/** One of the learner's own attempts with its answers and any credit claim; null for anyone else's. */
export async function getAttemptResult(userId: string, attemptId: string) {
  const attempt = await db.cmeAttempt.findFirst({
    where: { id: attemptId, userId },
    include: {
      claim: { include: { certificate: { select: { id: true } } } },
      evaluation: { select: { id: true } },
    },
  });
  return attempt && { ...attempt, answers: storedAnswersSchema.parse(attempt.answers) };
}
