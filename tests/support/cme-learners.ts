// CME set-up for the integration tests: the seeded quizzes and a learner who has passed one.
import { db } from '@/lib/db';
import { getQuizActivity } from '@/lib/cme/get-quiz-activity';
import { submitAttempt } from '@/lib/cme/submit-attempt';

export type QuizActivity = NonNullable<Awaited<ReturnType<typeof getQuizActivity>>>;

/** The seeded activity whose title starts with `prefix`, with its questions (seedCme must have run). */
export async function findSeedActivity(prefix = 'Intravenous Immunoglobulin'): Promise<QuizActivity> {
  const { id } = await db.cmeActivity.findFirstOrThrow({ where: { title: { startsWith: prefix } } });
  return (await getQuizActivity(id))!;
}

/** Every question answered with its preferred option. */
export function preferredAnswers(activity: QuizActivity) {
  return activity.questions.map((q) => ({ questionId: q.id, optionId: q.options.find((o) => o.isPreferred)!.id }));
}

/** `userId` passes `activity` with every answer preferred, at `now`: the graded attempt's id. */
export async function passQuiz({ userId, activity, now }: { userId: string; activity: QuizActivity; now: Date }) {
  const answers = preferredAnswers(activity);
  const result = await submitAttempt({ userId, activityId: activity.id, input: { answers }, now });
  if (result.kind !== 'graded') throw new Error('expected a graded attempt');
  return result.attemptId;
}
