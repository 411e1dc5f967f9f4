import 'server-only';
import { db } from '@/lib/db';
import type { QuizKey } from './grade-attempt';

export type QuizKeyWithRules = QuizKey & { id: string; releaseAt: Date; expiresAt: Date; maxAttempts: number | null };

const TTL_MS = 60_000;
const cached = new Map<string, { key: QuizKeyWithRules | null; until: number }>();

/**
 * What grading needs: questions, options and which is preferred, with the activity's window and
 * attempt limit. Cached in this process for a minute: a released activity's questions do not
 * change (its accreditation covers them as published), and grading is the hot path.
 */
export async function getQuizKey(activityId: string, nowMs = Date.now()): Promise<QuizKeyWithRules | null> {
  const hit = cached.get(activityId);
  if (hit && hit.until > nowMs) return hit.key;
  const activity = await db.cmeActivity.findUnique({
    where: { id: activityId },
    select: {
      id: true,
      passingPercent: true,
      releaseAt: true,
      expiresAt: true,
      maxAttempts: true,
      questions: {
        orderBy: { position: 'asc' },
        select: { id: true, options: { select: { id: true, isPreferred: true } } },
      },
    },
  });
  if (cached.size > 1000) cached.clear();
  cached.set(activityId, { key: activity, until: nowMs + TTL_MS });
  return activity;
}
