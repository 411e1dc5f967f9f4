import 'server-only';
import { randomUUID } from 'node:crypto';
import { batchCalls } from '@/lib/batch-calls';
import { db } from '@/lib/db';
import { countAttemptsLeft } from './attempt-limit';
import type { GradedAttempt } from './grade-attempt';

type AttemptToStore = {
  activityId: string;
  userId: string;
  maxAttempts: number | null;
  grading: GradedAttempt;
  startedAt: Date | null;
  now: Date;
};

export type InsertAttemptResult =
  | { kind: 'stored'; attemptId: string; number: number }
  | { kind: 'refused'; reason: 'already_claimed' | 'no_attempts_left' | 'conflict' };

type Row = { id: string; number: number | null; hasClaimed: boolean; previousCount: number };

const stamp = (date: Date | null) => date?.toISOString() ?? null;

/**
 * Stores graded attempts with their answers, each as its learner's next attempt, in one statement
 * for the whole batch (atomic per statement). A learner may retake a quiz they passed (the last
 * passing attempt counts, lib/cme/attempt-limit.ts) until they claim its credit. An attempt is not
 * stored once credit is claimed or `maxAttempts` are used; nor when another submission took the same
 * number a moment earlier (another instance): the unique key (activityId, userId, number) turns it away.
 */
async function insertAttempts(attempts: AttemptToStore[]): Promise<InsertAttemptResult[]> {
  const ids = attempts.map(() => randomUUID().replace(/-/g, ''));
  // One JSON document for the whole batch: cheaper to send and to read than ten parallel arrays.
  const input = attempts.map((a, i) => ({
    id: ids[i],
    activity_id: a.activityId,
    user_id: a.userId,
    max_attempts: a.maxAttempts,
    is_passed: a.grading.isPassed,
    correct_count: a.grading.correctCount,
    question_count: a.grading.questionCount,
    started_at: stamp(a.startedAt),
    submitted_at: stamp(a.now),
    answers: a.grading.answers,
  }));
  const rows = await db.$queryRaw<Row[]>`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(input)}::jsonb)
        AS i(id text, activity_id text, user_id text, max_attempts int, is_passed boolean, correct_count int,
             question_count int, started_at timestamp(3), submitted_at timestamp(3), answers jsonb)
    ), previous AS (
      SELECT i.id, count(a."id")::int AS n, coalesce(max(a."number"), 0) AS last,
             EXISTS (SELECT 1 FROM "CmeCreditClaim" c
                      WHERE c."activityId" = i.activity_id AND c."userId" = i.user_id) AS has_claimed
        FROM input i LEFT JOIN "CmeAttempt" a ON a."activityId" = i.activity_id AND a."userId" = i.user_id
       GROUP BY i.id, i.activity_id, i.user_id
    ), attempt AS (
      INSERT INTO "CmeAttempt" ("id", "activityId", "userId", "number", "result", "correctCount", "questionCount", "startedAt", "submittedAt", "answers")
      SELECT i.id, i.activity_id, i.user_id, p.last + 1,
             (CASE WHEN i.is_passed THEN 'passed' ELSE 'failed' END)::"CmeAttemptResult",
             i.correct_count, i.question_count, i.started_at, i.submitted_at, i.answers
        FROM input i JOIN previous p ON p.id = i.id
       WHERE NOT p.has_claimed AND (i.max_attempts IS NULL OR p.n < i.max_attempts)
      ON CONFLICT ("activityId", "userId", "number") DO NOTHING
      RETURNING "id", "number"
    )
    SELECT p.id, attempt."number", p.has_claimed AS "hasClaimed", p.n AS "previousCount"
      FROM previous p LEFT JOIN attempt ON attempt."id" = p.id`;
  const byId = new Map(rows.map((r) => [r.id, r]));
  return attempts.map((attempt, i): InsertAttemptResult => {
    const row = byId.get(ids[i]!);
    if (row?.number != null) return { kind: 'stored', attemptId: ids[i]!, number: row.number };
    if (row?.hasClaimed) return { kind: 'refused', reason: 'already_claimed' };
    const left = countAttemptsLeft(attempt.maxAttempts, row?.previousCount ?? 0);
    return { kind: 'refused', reason: left === 0 ? 'no_attempts_left' : 'conflict' };
  });
}

/**
 * Stores one graded attempt. Submissions arriving together share one statement (the quiz is the
 * hot write path; see lib/batch-calls.ts); one learner's submissions to one quiz never share a
 * batch, so their attempt numbers stay in order.
 */
export const insertAttempt: (attempt: AttemptToStore) => Promise<InsertAttemptResult> = batchCalls({
  run: insertAttempts,
  keyOf: (a) => `${a.activityId}:${a.userId}`,
});
