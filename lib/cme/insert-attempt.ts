import 'server-only';
import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';
import type { GradedAttempt } from './grade-attempt';

export type InsertAttemptResult =
  | { kind: 'stored'; attemptId: string; number: number }
  | { kind: 'refused'; reason: 'already_passed' | 'no_attempts_left' };

/**
 * Stores a graded attempt and its answers as the learner's next attempt, in one statement (the
 * hot path: one round trip, atomic). Stores nothing when the learner already passed or has used
 * `maxAttempts`. Two submissions at once compute the same number and the unique key
 * (activityId, userId, number) refuses the second.
 */
export async function insertAttempt(options: {
  activityId: string;
  userId: string;
  maxAttempts: number | null;
  grading: GradedAttempt;
  startedAt: Date | null;
  now: Date;
}): Promise<InsertAttemptResult> {
  const { activityId, userId, maxAttempts, grading, startedAt, now } = options;
  const attemptId = randomUUID().replace(/-/g, '');
  const rows = await db.$queryRaw<{ number: number | null; hasPassed: boolean }[]>`
    WITH previous AS (
      SELECT count(*)::int AS n, coalesce(max("number"), 0) AS last, coalesce(bool_or("result" = 'passed'), false) AS has_passed
        FROM "CmeAttempt" WHERE "activityId" = ${activityId} AND "userId" = ${userId}
    ), attempt AS (
      INSERT INTO "CmeAttempt" ("id", "activityId", "userId", "number", "result", "correctCount", "questionCount", "startedAt", "submittedAt")
      SELECT ${attemptId}, ${activityId}, ${userId}, previous.last + 1, ${grading.isPassed ? 'passed' : 'failed'}::"CmeAttemptResult",
             ${grading.correctCount}, ${grading.questionCount}, ${startedAt}, ${now}
        FROM previous
       WHERE NOT previous.has_passed AND (${maxAttempts}::int IS NULL OR previous.n < ${maxAttempts}::int)
      RETURNING "id", "number"
    ), answers AS (
      INSERT INTO "CmeAnswer" ("attemptId", "questionId", "optionId", "isCorrect")
      SELECT attempt."id", a.question_id, a.option_id, a.is_correct
        FROM attempt, unnest(${grading.answers.map((a) => a.questionId)}::text[], ${grading.answers.map((a) => a.optionId)}::text[],
                             ${grading.answers.map((a) => a.isCorrect)}::boolean[]) AS a(question_id, option_id, is_correct)
    )
    SELECT (SELECT "number" FROM attempt) AS "number", previous.has_passed AS "hasPassed" FROM previous`;
  const row = rows[0];
  if (row?.number != null) return { kind: 'stored', attemptId, number: row.number };
  return { kind: 'refused', reason: row?.hasPassed ? 'already_passed' : 'no_attempts_left' };
}
