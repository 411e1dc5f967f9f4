// The learner dashboard's sums, pure so they are tested without a database.
import { findCountingAttempt } from './attempt-limit';

export type Completion = {
  activityId: string;
  activityTitle: string;
  creditType: string;
  creditQuarters: number;
  completedAt: Date;
};

/** Credit completed in one UTC year, per credit type (quarters, exact), largest first. */
export function sumCreditsByType(completions: readonly Completion[], year: number) {
  const byType = new Map<string, number>();
  for (const c of completions)
    if (c.completedAt.getUTCFullYear() === year)
      byType.set(c.creditType, (byType.get(c.creditType) ?? 0) + c.creditQuarters);
  return [...byType]
    .map(([creditType, quarters]) => ({ creditType, quarters }))
    .sort((a, b) => b.quarters - a.quarters);
}

type Attempt = {
  id: string;
  number: number;
  result: 'passed' | 'failed';
  correctCount: number;
  questionCount: number;
  activityId: string;
  activityTitle: string;
};

/** Activities the learner started and has not claimed credit for: failed so far, or passed awaiting the claim. */
export function listInProgress(attempts: readonly Attempt[], claimedActivityIds: ReadonlySet<string>) {
  const byActivity = new Map<string, Attempt[]>();
  for (const a of attempts)
    if (!claimedActivityIds.has(a.activityId))
      byActivity.set(a.activityId, [...(byActivity.get(a.activityId) ?? []), a]);
  return [...byActivity.values()].map((list) => {
    const last = list.reduce((x, y) => (y.number > x.number ? y : x));
    const counting = findCountingAttempt(list);
    return {
      activityId: last.activityId,
      activityTitle: last.activityTitle,
      attemptCount: list.length,
      lastScorePercent: Math.floor((last.correctCount * 100) / last.questionCount),
      passedAttemptId: counting?.id ?? null,
    };
  });
}

type Requirement = {
  id: string;
  topic: string;
  stateCode: string;
  activities: { id: string; title: string }[];
};

/**
 * Per licence state, which topic requirements the learner's completions meet (and by which
 * activity) and which are outstanding (with the activities that would count).
 */
export function summarizeStateProgress(
  states: readonly { code: string; name: string }[],
  requirements: readonly Requirement[],
  completedActivityIds: ReadonlySet<string>,
) {
  return states.map(({ code, name }) => {
    const own = requirements.filter((r) => r.stateCode === code);
    const met = own.flatMap((r) => {
      const by = r.activities.find((a) => completedActivityIds.has(a.id));
      return by ? [{ id: r.id, topic: r.topic, metBy: by.title }] : [];
    });
    const outstanding = own
      .filter((r) => !met.some((m) => m.id === r.id))
      .map((r) => ({ id: r.id, topic: r.topic, activities: r.activities }));
    return { stateCode: code, stateName: name, met, outstanding };
  });
}
