/** Quarter credits as people write them: 4 → "1", 3 → "0.75", 6 → "1.5". */
export function formatCredits(quarters: number): string {
  return String(quarters / 4);
}

/** The amounts a learner may pick, 0.25 up to the maximum. */
export function listCreditSteps(maxQuarters: number): string[] {
  return Array.from({ length: maxQuarters }, (_, i) => formatCredits(i + 1));
}
