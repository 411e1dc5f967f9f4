import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { getAttemptResult } from '@/lib/cme/get-attempt-result';
import { claimCredit } from '@/lib/cme/claim-credit';
import { listUnclaimedPasses } from '@/lib/cme/list-unclaimed-passes';
import { saveEvaluation } from '@/lib/cme/save-evaluation';
import { submitAttempt } from '@/lib/cme/submit-attempt';
import { seedCme } from '@/prisma/seed/seed-cme';
import { findSeedActivity, type QuizActivity } from '../support/cme-learners';
import { resetDatabase } from '../support/reset-db';

const NOW = new Date('2026-11-25T12:00:00Z');

async function setUp() {
  await resetDatabase();
  await seedCme();
  const user = await db.user.create({ data: { email: 'learner@example.com', name: 'Ada Learner', passwordHash: 'x' } });
  return { user, activity: await findSeedActivity() };
}

/** Answers every question, the first `correct` of them with the preferred option. */
function answers(activity: QuizActivity, correct: number) {
  return activity.questions.map((q, i) => ({
    questionId: q.id,
    optionId: q.options.find((o) => o.isPreferred === i < correct)!.id,
  }));
}

async function expectRefused(promise: Promise<unknown>, status: number, message: RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(status);
  expect((error as AppError).message).toMatch(message);
}

describe('quiz attempts', () => {
  let user: Awaited<ReturnType<typeof setUp>>['user'];
  let activity: QuizActivity;
  beforeEach(async () => ({ user, activity } = await setUp()));

  const submit = (input: unknown, now = NOW) => submitAttempt({ userId: user.id, activityId: activity.id, input, now });

  it('stores every graded attempt with answers, score and time; a retake is a new attempt', async () => {
    const incomplete = await submit({ answers: answers(activity, 5).slice(0, 4) });
    expect(incomplete).toEqual({ kind: 'incomplete', unansweredQuestionIds: [activity.questions[4]!.id] });
    expect(await db.cmeAttempt.count()).toBe(0);

    const failed = await submit({ answers: answers(activity, 3), startedAt: '2026-11-25T11:50:00Z' });
    expect(failed).toMatchObject({ kind: 'graded', number: 1, isPassed: false, scorePercent: 60 });
    expect(failed.kind === 'graded' && failed.wrongQuestionIds).toEqual(activity.questions.slice(3).map((q) => q.id));

    const passed = await submit({ answers: answers(activity, 4) }, new Date('2026-11-25T12:05:00Z'));
    expect(passed).toMatchObject({ kind: 'graded', number: 2, isPassed: true, scorePercent: 80 });

    const stored = await Promise.all(
      (await db.cmeAttempt.findMany({ orderBy: { number: 'asc' } })).map((a) => getAttemptResult(user.id, a.id)),
    ).then((attempts) => attempts.map((a) => a!));
    expect(stored.map((a) => [a.number, a.result, a.correctCount, a.questionCount, a.answers.length])).toEqual([
      [1, 'failed', 3, 5, 5],
      [2, 'passed', 4, 5, 5],
    ]);
    expect(stored[0]!.startedAt?.toISOString()).toBe('2026-11-25T11:50:00.000Z');
    expect(stored[0]!.submittedAt.toISOString()).toBe('2026-11-25T12:00:00.000Z');
    expect(stored[1]!.answers.filter((a) => a.isCorrect)).toHaveLength(4);
  });

  it('takes retakes after a pass; the last passing attempt counts, and none is taken once credit is claimed', async () => {
    const first = await submit({ answers: answers(activity, 4) });
    const second = await submit({ answers: answers(activity, 5) });
    const third = await submit({ answers: answers(activity, 1) });
    expect([first, second, third].map((r) => r.kind === 'graded' && [r.number, r.isPassed])).toEqual([
      [1, true],
      [2, true],
      [3, false],
    ]);
    const ids = [first, second].map((r) => (r.kind === 'graded' ? r.attemptId : ''));
    for (const attemptId of ids)
      await saveEvaluation({
        userId: user.id,
        input: { attemptId, objectivesMet: 5, isRelevant: 'yes', isFreeOfBias: 'yes' },
        now: NOW,
      });
    expect((await listUnclaimedPasses(user.id)).map((a) => a.id)).toEqual([ids[1]]);
    // The earlier pass no longer counts; the later one does, though a fail came after it.
    await expectRefused(
      claimCredit({ userId: user.id, attemptId: ids[0]!, credits: '1', now: NOW }),
      409,
      /last passing attempt \(attempt 2\)/,
    );
    expect(await db.cmeCreditClaim.count()).toBe(0);
    await claimCredit({ userId: user.id, attemptId: ids[1]!, credits: '1', now: NOW });

    await expectRefused(submit({ answers: answers(activity, 5) }), 409, /already claimed credit/);
    expect(await db.cmeAttempt.count()).toBe(3);
    expect(await listUnclaimedPasses(user.id)).toEqual([]);
  });

  it('stores submissions arriving together, each learner in order, and refuses a bad one alone', async () => {
    const learners = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.user.create({ data: { email: `together-${i}@example.com`, name: `Learner ${i}`, passwordHash: 'x' } }),
      ),
    );
    const submitAs = (userId: string, correct: number) =>
      submitAttempt({ userId, activityId: activity.id, input: { answers: answers(activity, correct) }, now: NOW });
    const [together, sameLearner, unknownLearner] = await Promise.all([
      Promise.all(learners.map((l) => submitAs(l.id, 5))),
      Promise.all([submitAs(user.id, 1), submitAs(user.id, 2), submitAs(user.id, 5)]),
      submitAs('no-such-learner', 5).catch((e: unknown) => e),
    ]);
    expect(together.map((r) => r.kind === 'graded' && [r.number, r.isPassed])).toEqual(learners.map(() => [1, true]));
    // One learner's submissions never share a statement: they are numbered in the order they came.
    expect(sameLearner.map((r) => r.kind === 'graded' && [r.number, r.scorePercent])).toEqual([
      [1, 20],
      [2, 40],
      [3, 100],
    ]);
    expect(unknownLearner).toBeInstanceOf(Error);
    const stored = await db.cmeAttempt.findMany({ select: { userId: true, answers: true } });
    expect(stored).toHaveLength(23);
    expect(stored.every((a) => Array.isArray(a.answers) && a.answers.length === 5)).toBe(true);
  });

  it('stops at the maximum number of attempts', async () => {
    await db.cmeActivity.update({ where: { id: activity.id }, data: { maxAttempts: 2 } });
    await submit({ answers: answers(activity, 0) });
    await submit({ answers: answers(activity, 2) });
    await expectRefused(submit({ answers: answers(activity, 5) }), 409, /used all 2 attempts.*not graded or stored/);
    expect(await db.cmeAttempt.count()).toBe(2);
  });

  it('refuses tampered input with 422 and stores nothing', async () => {
    const good = answers(activity, 5);
    const other = await db.cmeOption.findFirstOrThrow({ where: { question: { activityId: { not: activity.id } } } });
    await expectRefused(
      submit({ answers: [...good, { questionId: other.questionId, optionId: other.id }] }),
      422,
      /not part of this quiz/,
    );
    await expectRefused(
      submit({ answers: [{ ...good[0]!, optionId: good[1]!.optionId }, ...good.slice(1)] }),
      422,
      /not an answer/,
    );
    await expectRefused(
      submit({ answers: [...good, { ...good[0]!, optionId: activity.questions[0]!.options[0]!.id }] }),
      422,
      /more than once/,
    );
    const badShape = await submit({ answers: 'all of them' }).catch((e: unknown) => e);
    expect((badShape as Error).name).toBe('ZodError');
    expect(await db.cmeAttempt.count()).toBe(0);
  });

  it('refuses an expired or not yet released activity with 422', async () => {
    await expectRefused(
      submit({ answers: answers(activity, 5) }, new Date('2029-01-01T00:00:00Z')),
      422,
      /expired on 31 December 2028\. It no longer takes quiz attempts or credit claims/,
    );
    await expectRefused(
      submit({ answers: answers(activity, 5) }, new Date('2025-06-01T00:00:00Z')),
      422,
      /opens on 1 January 2026/,
    );
    expect(await db.cmeAttempt.count()).toBe(0);
  });

  it('lets only one of two simultaneous submissions take an attempt number', async () => {
    const results = await Promise.allSettled([
      submit({ answers: answers(activity, 1) }),
      submit({ answers: answers(activity, 2) }),
    ]);
    const stored = await db.cmeAttempt.findMany();
    expect(new Set(stored.map((a) => a.number)).size).toBe(stored.length);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(stored.length);
    for (const r of results)
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ status: 409, code: 'conflict' });
  });
});
