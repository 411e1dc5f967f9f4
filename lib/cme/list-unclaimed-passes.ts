import 'server-only';
import { db } from '@/lib/db';

/** The learner's passed attempts with no credit claimed yet, so the transcript can point to them. */
export async function listUnclaimedPasses(userId: string) {
  return db.cmeAttempt.findMany({
    where: { userId, result: 'passed', claim: null },
    orderBy: { submittedAt: 'desc' },
    select: { id: true, submittedAt: true, activity: { select: { id: true, title: true } } },
  });
}
