import { describe, expect, it } from 'vitest';
import { readQuizForm } from '@/lib/cme/attempt-input';
import { describeAvailability } from '@/lib/cme/describe-availability';
import { ValidationError } from '@/lib/errors/app-error';

function form(entries: [string, string][]) {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe('readQuizForm', () => {
  it('reads one answer per radio group and keeps a doctored duplicate for grading to refuse', () => {
    const input = readQuizForm(
      form([
        ['activityId', 'act1'],
        ['startedAt', '2026-11-25T12:00:00.000Z'],
        ['answer:q1', 'o1'],
        ['answer:q2', 'o5'],
        ['answer:q2', 'o6'],
      ]),
    );
    expect(input).toEqual({
      startedAt: '2026-11-25T12:00:00.000Z',
      answers: [
        { questionId: 'q1', optionId: 'o1' },
        { questionId: 'q2', optionId: 'o5' },
        { questionId: 'q2', optionId: 'o6' },
      ],
    });
  });

  it('refuses malformed input with a ValidationError', () => {
    expect(() => readQuizForm(form([['answer:q1', '']]))).toThrow(ValidationError);
    expect(() => readQuizForm(form([['startedAt', 'yesterday']]))).toThrow(ValidationError);
  });
});

describe('describeAvailability', () => {
  const window = { releaseAt: new Date('2026-01-01T00:00:00Z'), expiresAt: new Date('2028-12-31T23:59:59Z') };
  it('is open from release to expiry inclusive', () => {
    expect(describeAvailability(window, window.releaseAt)).toBeNull();
    expect(describeAvailability(window, window.expiresAt)).toBeNull();
    expect(describeAvailability(window, new Date('2029-01-01T00:00:00Z'))).toMatch(
      /expired on 31 December 2028\. It no longer takes quiz attempts or credit claims/,
    );
    expect(describeAvailability(window, new Date('2025-12-31T23:59:59Z'))).toMatch(/opens on 1 January 2026/);
  });
});
