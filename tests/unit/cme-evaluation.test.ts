import { describe, expect, it } from 'vitest';
import { evaluationInputSchema, toEvaluationRecord } from '@/lib/cme/evaluation-input';
import { formatEvaluationsCsv, summarizeEvaluations } from '@/lib/cme/summarize-evaluations';

const valid = { attemptId: 'att1', objectivesMet: '4', isRelevant: 'yes', isFreeOfBias: 'yes' };
const messages = (input: unknown) => {
  const result = evaluationInputSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('post-activity evaluation', () => {
  it('accepts the core answers from a form and stores booleans, with empty text as null', () => {
    const record = toEvaluationRecord(
      evaluationInputSchema.parse({ ...valid, biasComment: 'ignored', intendedChange: '  ' }),
    );
    expect(record).toEqual({
      objectivesMet: 4,
      isRelevant: true,
      isFreeOfBias: true,
      biasComment: null,
      intendedChange: null,
    });
  });

  it('requires a rating from 1 to 5', () => {
    expect(messages({ ...valid, objectivesMet: '0' })).toEqual([
      'objectivesMet: Rate how well the objectives were met, from 1 to 5.',
    ]);
    expect(messages({ ...valid, objectivesMet: '6' })).toHaveLength(1);
    expect(messages({ ...valid, objectivesMet: '3.5' })).toHaveLength(1);
    expect(messages({ ...valid, objectivesMet: undefined })).toHaveLength(1);
  });

  it('requires yes or no on relevance and bias', () => {
    expect(messages({ ...valid, isRelevant: undefined })).toEqual(['isRelevant: Answer yes or no.']);
    expect(messages({ ...valid, isFreeOfBias: 'maybe' })).toEqual(['isFreeOfBias: Answer yes or no.']);
  });

  it('asks what bias was seen when the learner says it was not free of commercial bias', () => {
    expect(messages({ ...valid, isFreeOfBias: 'no' })).toEqual(['biasComment: Tell us what commercial bias you saw.']);
    expect(messages({ ...valid, isFreeOfBias: 'no', biasComment: '   ' })).toHaveLength(1);
    const record = toEvaluationRecord(
      evaluationInputSchema.parse({ ...valid, isFreeOfBias: 'no', biasComment: ' Brand names only. ' }),
    );
    expect(record).toMatchObject({ isFreeOfBias: false, biasComment: 'Brand names only.' });
  });

  it('keeps the intended change when given', () => {
    const record = toEvaluationRecord(evaluationInputSchema.parse({ ...valid, intendedChange: 'Stop IVIG in DRESS.' }));
    expect(record.intendedChange).toBe('Stop IVIG in DRESS.');
  });
});

describe('evaluation summary for admins', () => {
  const row = (activityId: string, objectivesMet: number, isRelevant: boolean, isFreeOfBias: boolean) => ({
    activityId,
    activityTitle: activityId === 'a' ? 'Alpha' : 'Beta',
    createdAt: new Date('2026-12-01T10:00:00Z'),
    objectivesMet,
    isRelevant,
    isFreeOfBias,
    biasComment: isFreeOfBias ? null : '=HYPERLINK("x"), "quoted"',
    intendedChange: null,
  });

  it('averages the rating and counts the yes answers per activity', () => {
    const summary = summarizeEvaluations([
      row('b', 3, true, true),
      row('a', 5, true, true),
      row('a', 4, false, false),
      row('a', 4, true, true),
    ]);
    expect(summary).toEqual([
      expect.objectContaining({
        activityTitle: 'Alpha',
        count: 3,
        objectivesMetAverage: 4.33,
        relevantCount: 2,
        freeOfBiasCount: 2,
        biasReportedCount: 1,
      }),
      expect.objectContaining({ activityTitle: 'Beta', count: 1, objectivesMetAverage: 3, relevantCount: 1 }),
    ]);
  });

  it('writes the CSV without learners, with formulas defused and quotes escaped', () => {
    expect(formatEvaluationsCsv([row('a', 4, false, false)])).toBe(
      'Submitted,Activity,Objectives met (1-5),Relevant to practice,Free of commercial bias,Bias comment,Intended change\r\n' +
        `2026-12-01,Alpha,4,no,no,"'=HYPERLINK(""x""), ""quoted""",\r\n`,
    );
  });
});

describe('evaluation problems', () => {
  it('names the missing bias comment together with the other missing answers', () => {
    expect(messages({ attemptId: 'att1', isFreeOfBias: 'no' })).toEqual([
      'objectivesMet: Rate how well the objectives were met, from 1 to 5.',
      'isRelevant: Answer yes or no.',
      'biasComment: Tell us what commercial bias you saw.',
    ]);
  });
});
