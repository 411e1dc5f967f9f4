import 'server-only';
import { AppError, NotFoundError } from '@/lib/errors/app-error';
import { attemptInputSchema } from './attempt-input';
import { assertAvailable } from './describe-availability';
import { gradeAttempt } from './grade-attempt';
import { getQuizKey } from './get-quiz-key';
import { insertAttempt } from './insert-attempt';

export type SubmitAttemptResult =
  | { kind: 'incomplete'; unansweredQuestionIds: string[] }
  | {
      kind: 'graded';
      attemptId: string;
      number: number;
      isPassed: boolean;
      scorePercent: number;
      wrongQuestionIds: string[];
    };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Grades and stores one quiz attempt: the one path for the quiz form and the JSON API. Refuses
 * (and stores nothing) when the input names anything the quiz did not ask (422), the activity is
 * closed (422), the learner already claimed its credit (409) or has no attempts left (409). An incomplete
 * submission is answered with the unanswered questions and not stored either.
 */
export async function submitAttempt(options: {
  userId: string;
  activityId: string;
  input: unknown;
  now: Date;
}): Promise<SubmitAttemptResult> {
  const { userId, activityId, now } = options;
  const input = attemptInputSchema.parse(options.input);
  const activity = await getQuizKey(activityId);
  if (!activity) throw new NotFoundError('There is no such CME activity.');
  assertAvailable(activity, now);

  const grading = gradeAttempt(activity, input.answers);
  if (grading.kind === 'incomplete') return grading;

  const reportedStart = input.startedAt ? new Date(input.startedAt) : null;
  const startedAt =
    reportedStart && reportedStart <= now && now.getTime() - reportedStart.getTime() < DAY_MS ? reportedStart : null;

  const stored = await insertAttempt({
    activityId,
    userId,
    maxAttempts: activity.maxAttempts,
    grading,
    startedAt,
    now,
  });
  if (stored.kind === 'stored') {
    return {
      kind: 'graded',
      attemptId: stored.attemptId,
      number: stored.number,
      isPassed: grading.isPassed,
      scorePercent: grading.scorePercent,
      wrongQuestionIds: grading.wrongQuestionIds,
    };
  }
  switch (stored.reason) {
    case 'already_claimed':
      throw new AppError(
        'You have already claimed credit for this quiz, so it takes no more attempts; your certificate is on your CME transcript.',
        'conflict',
        'already_claimed',
      );
    case 'no_attempts_left':
      throw new AppError(
        `You have used all ${activity.maxAttempts} attempts at this quiz, so this one was not graded or stored.`,
        'conflict',
        'no_attempts_left',
      );
    case 'conflict':
      // Two submissions at once (two tabs, two instances) would share an attempt number.
      throw new AppError(
        'Another submission of this quiz arrived at the same moment. Reload the page to see its result.',
        'conflict',
        'conflict',
      );
  }
}
