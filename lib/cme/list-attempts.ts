import 'server-only';
import { db } from '@/lib/db';

/** A learner's attempts at one activity, oldest first. */
export async function listAttempts(userId: string, activityId: string) {
  return db.cmeAttempt.findMany({
    where: { userId, activityId },
    orderBy: { number: 'asc' },
    select: {
      id: true,
      number: true,
      result: true,
      correctCount: true,
      questionCount: true,
      submittedAt: true,
      claim: { select: { id: true } },
    },
  });
}
