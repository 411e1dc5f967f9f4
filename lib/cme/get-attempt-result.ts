import 'server-only';
import { db } from '@/lib/db';

/** One of the learner's own attempts with its answers and any credit claim; null for anyone else's. */
export async function getAttemptResult(userId: string, attemptId: string) {
  return db.cmeAttempt.findFirst({
    where: { id: attemptId, userId },
    include: {
      answers: { select: { questionId: true, optionId: true, isCorrect: true } },
      claim: { include: { certificate: { select: { id: true } } } },
    },
  });
}
