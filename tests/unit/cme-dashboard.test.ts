import { describe, expect, it } from 'vitest';
import { listInProgress, summarizeStateProgress, sumCreditsByType } from '@/lib/cme/summarize-dashboard';

const AMA = 'AMA PRA Category 1 Credit™';
const completion = (activityId: string, quarters: number, at: string, creditType = AMA) => ({
  activityId,
  activityTitle: `Activity ${activityId}`,
  creditType,
  creditQuarters: quarters,
  completedAt: new Date(at),
});

describe('the learner dashboard', () => {
  it('sums this UTC year’s credit per type, exactly', () => {
    const completions = [
      completion('a', 3, '2026-01-01T00:00:00Z'),
      completion('b', 4, '2026-12-31T23:59:59Z'),
      completion('c', 4, '2025-12-31T23:59:59Z'),
      completion('d', 2, '2026-06-01T00:00:00Z', 'Other'),
    ];
    expect(sumCreditsByType(completions, 2026)).toEqual([
      { creditType: AMA, quarters: 7 },
      { creditType: 'Other', quarters: 2 },
    ]);
    expect(sumCreditsByType(completions, 2024)).toEqual([]);
  });

  it('lists started activities without a claim, with the pass that awaits its claim', () => {
    const attempt = (id: string, activityId: string, number: number, result: 'passed' | 'failed', correct: number) => ({
      id,
      activityId,
      activityTitle: activityId,
      number,
      result,
      correctCount: correct,
      questionCount: 5,
    });
    const inProgress = listInProgress(
      [
        attempt('1', 'x', 1, 'failed', 2),
        attempt('2', 'x', 2, 'failed', 3),
        attempt('3', 'y', 1, 'passed', 5),
        attempt('4', 'y', 2, 'failed', 1),
        attempt('5', 'z', 1, 'passed', 4),
      ],
      new Set(['z']),
    );
    expect(inProgress).toEqual([
      { activityId: 'x', activityTitle: 'x', attemptCount: 2, lastScorePercent: 60, passedAttemptId: null },
      { activityId: 'y', activityTitle: 'y', attemptCount: 2, lastScorePercent: 20, passedAttemptId: '3' },
    ]);
  });

  it('marks a licence state’s requirement met by a completed activity that counts toward it', () => {
    const requirements = [
      {
        id: 'r1',
        topic: 'Pain management',
        stateCode: 'CA',
        activities: [{ id: 'a', title: 'A' }],
      },
      {
        id: 'r2',
        topic: 'Implicit bias',
        stateCode: 'CA',
        activities: [{ id: 'b', title: 'B' }],
      },
      { id: 'r3', topic: 'Opioids', stateCode: 'NY', activities: [{ id: 'a', title: 'A' }] },
    ];
    const [ca, tx] = summarizeStateProgress(
      [
        { code: 'CA', name: 'California' },
        { code: 'TX', name: 'Texas' },
      ],
      requirements,
      new Set(['a']),
    );
    expect(ca).toEqual({
      stateCode: 'CA',
      stateName: 'California',
      met: [{ id: 'r1', topic: 'Pain management', metBy: 'A' }],
      outstanding: [{ id: 'r2', topic: 'Implicit bias', activities: [{ id: 'b', title: 'B' }] }],
    });
    expect(tx).toEqual({ stateCode: 'TX', stateName: 'Texas', met: [], outstanding: [] });
  });
});
