import { describe, expect, it } from 'vitest';
import { countNeededToPass, gradeAttempt, type QuizKey } from '@/lib/cme/grade-attempt';
import { ValidationError } from '@/lib/errors/app-error';

/** A quiz of `n` questions q0…; option "a" is preferred, "b" is wrong. */
function quiz(n: number, passingPercent = 80): QuizKey {
  return {
    passingPercent,
    questions: Array.from({ length: n }, (_, i) => ({
      id: `q${i}`,
      options: [
        { id: `q${i}a`, isPreferred: true },
        { id: `q${i}b`, isPreferred: false },
      ],
    })),
  };
}

/** Answers the first `correct` questions right and the rest wrong. */
function answers(n: number, correct: number) {
  return Array.from({ length: n }, (_, i) => ({ questionId: `q${i}`, optionId: `q${i}${i < correct ? 'a' : 'b'}` }));
}

describe('gradeAttempt', () => {
  it('passes at exactly 80% and fails one answer below', () => {
    const exactly = gradeAttempt(quiz(10), answers(10, 8));
    expect(exactly).toMatchObject({
      kind: 'graded',
      isPassed: true,
      scorePercent: 80,
      correctCount: 8,
      questionCount: 10,
    });
    const below = gradeAttempt(quiz(10), answers(10, 7));
    expect(below).toMatchObject({
      kind: 'graded',
      isPassed: false,
      scorePercent: 70,
      wrongQuestionIds: ['q7', 'q8', 'q9'],
    });
  });

  it('passes 4 of 5 and fails 3 of 5 (60%)', () => {
    expect(gradeAttempt(quiz(5), answers(5, 4))).toMatchObject({ isPassed: true, scorePercent: 80 });
    expect(gradeAttempt(quiz(5), answers(5, 3))).toMatchObject({ isPassed: false, scorePercent: 60 });
  });

  it('rounds the shown score down, so a fail never shows the pass mark', () => {
    // 79.99…%: 11 of 14 is 78.57%, 12 of 15 is exactly 80%
    expect(gradeAttempt(quiz(14), answers(14, 11))).toMatchObject({ isPassed: false, scorePercent: 78 });
    expect(gradeAttempt(quiz(15), answers(15, 12))).toMatchObject({ isPassed: true, scorePercent: 80 });
    expect(gradeAttempt(quiz(3), answers(3, 2))).toMatchObject({ isPassed: false, scorePercent: 66 });
    // 2 of 3 at a 66% pass mark passes on exact arithmetic although 2/3 is not a whole percent
    expect(gradeAttempt(quiz(3, 66), answers(3, 2))).toMatchObject({ isPassed: true });
    expect(gradeAttempt(quiz(3, 67), answers(3, 2))).toMatchObject({ isPassed: false });
  });

  it('refuses a quiz with no questions', () => {
    expect(() => gradeAttempt(quiz(0), [])).toThrow(ValidationError);
  });

  it('lists unanswered questions instead of grading', () => {
    expect(gradeAttempt(quiz(5), answers(5, 5).slice(0, 3))).toEqual({
      kind: 'incomplete',
      unansweredQuestionIds: ['q3', 'q4'],
    });
  });

  it('refuses an unknown question, an option of another question and a duplicate answer', () => {
    const ok = answers(5, 5);
    expect(() => gradeAttempt(quiz(5), [...ok, { questionId: 'q9', optionId: 'q9a' }])).toThrow(
      /not part of this quiz/,
    );
    expect(() => gradeAttempt(quiz(5), [{ questionId: 'q0', optionId: 'q1a' }, ...ok.slice(1)])).toThrow(
      /not an answer/,
    );
    expect(() => gradeAttempt(quiz(5), [...ok, { questionId: 'q0', optionId: 'q0b' }])).toThrow(/more than once/);
  });
});

describe('countNeededToPass', () => {
  it('is the smallest count at or above the pass mark', () => {
    expect(countNeededToPass(5, 80)).toBe(4);
    expect(countNeededToPass(10, 80)).toBe(8);
    expect(countNeededToPass(7, 80)).toBe(6);
    expect(countNeededToPass(3, 66)).toBe(2);
  });
});
