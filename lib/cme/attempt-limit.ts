// Retakes: an activity allows `maxAttempts` attempts (null: unlimited). A learner may retake a quiz
// even after passing, until they claim its credit; the last passing attempt is the one that counts.

/** Attempts the learner may still make: null when unlimited, never below 0. */
export function countAttemptsLeft(maxAttempts: number | null, used: number): number | null {
  return maxAttempts === null ? null : Math.max(0, maxAttempts - used);
}

/** How the quiz page says it: "Unlimited attempts", "2 attempts left", "1 attempt left", "No attempts left". */
export function describeAttemptsLeft(maxAttempts: number | null, used: number): string {
  const left = countAttemptsLeft(maxAttempts, used);
  if (left === null) return 'Unlimited attempts';
  if (left === 0) return 'No attempts left';
  return `${left} ${left === 1 ? 'attempt' : 'attempts'} left of ${maxAttempts}`;
}

type AttemptOutcome = { id: string; number: number; result: 'passed' | 'failed' };

/** The attempt that counts for credit: the learner's last passing attempt (a later fail does not undo it). */
export function findCountingAttempt<T extends AttemptOutcome>(attempts: readonly T[]): T | undefined {
  return attempts
    .filter((a) => a.result === 'passed')
    .reduce<T | undefined>((last, a) => (last && last.number > a.number ? last : a), undefined);
}
