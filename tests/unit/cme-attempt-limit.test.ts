import { describe, expect, it } from 'vitest';
import { countAttemptsLeft, describeAttemptsLeft, findCountingAttempt } from '@/lib/cme/attempt-limit';

const attempt = (number: number, result: 'passed' | 'failed') => ({ id: `a${number}`, number, result });

describe('the attempt limit', () => {
  it('is unlimited by default and counts down to zero, never below', () => {
    expect(countAttemptsLeft(null, 40)).toBeNull();
    expect(countAttemptsLeft(3, 0)).toBe(3);
    expect(countAttemptsLeft(3, 2)).toBe(1);
    expect(countAttemptsLeft(3, 3)).toBe(0);
    expect(countAttemptsLeft(3, 5)).toBe(0);
  });

  it('says how many attempts remain, in the right number', () => {
    expect(describeAttemptsLeft(null, 2)).toBe('Unlimited attempts');
    expect(describeAttemptsLeft(3, 1)).toBe('2 attempts left of 3');
    expect(describeAttemptsLeft(3, 2)).toBe('1 attempt left of 3');
    expect(describeAttemptsLeft(3, 3)).toBe('No attempts left');
  });

  it('counts the last passing attempt, whatever order the list comes in and whatever failed after it', () => {
    expect(findCountingAttempt([])).toBeUndefined();
    expect(findCountingAttempt([attempt(1, 'failed'), attempt(2, 'failed')])).toBeUndefined();
    expect(findCountingAttempt([attempt(1, 'failed'), attempt(2, 'passed')])?.id).toBe('a2');
    expect(findCountingAttempt([attempt(3, 'failed'), attempt(4, 'passed'), attempt(2, 'passed')])?.id).toBe('a4');
    expect(findCountingAttempt([attempt(1, 'passed'), attempt(2, 'passed'), attempt(3, 'failed')])?.id).toBe('a2');
  });
});
