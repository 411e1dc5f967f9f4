import 'server-only';
import { db } from '@/lib/db';

/**
 * The learner's passes with no credit claimed yet, so the transcript and dashboard can point to
 * them: per activity only the last passing attempt, the one that counts.
 */
export async function listUnclaimedPasses(userId: string) {
  const passes = await db.cmeAttempt.findMany({
    where: { userId, result: 'passed', activity: { claims: { none: { userId } } } },
    orderBy: [{ number: 'desc' }],
    select: { id: true, number: true, submittedAt: true, activity: { select: { id: true, title: true } } },
  });
  const seen = new Set<string>();
  return passes
    .filter((p) => !seen.has(p.activity.id) && Boolean(seen.add(p.activity.id)))
    .sort((a, b) => b.submittedAt.getTime() - a.submittedAt.getTime());
}
