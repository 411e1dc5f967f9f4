/** Quarter credits as people write them: 4 → "1", 3 → "0.75", 6 → "1.5". */
export function formatCredits(quarters: number): string {
  return String(quarters / 4);
}

/** An amount with its noun in the right number: 4 → "1 credit", 5 → "1.25 credits", 3 → "0.75 credits". */
export function describeCredits(quarters: number): string {
  return `${formatCredits(quarters)} ${quarters === 4 ? 'credit' : 'credits'}`;
}

/**
 * An amount of a named credit type, pluralized as AMA style does: "1 AMA PRA Category 1 Credit™",
 * "0.75 AMA PRA Category 1 Credits™". A type not ending in "Credit" or "Credit™" is left as it is.
 */
export function describeCreditAmount(quarters: number, creditType: string): string {
  const type = quarters === 4 ? creditType : creditType.replace(/\bCredit(™?)$/, 'Credits$1');
  return `${formatCredits(quarters)} ${type}`;
}

/** The amounts a learner may pick, 0.25 up to the maximum. */
export function listCreditSteps(maxQuarters: number): string[] {
  return Array.from({ length: maxQuarters }, (_, i) => formatCredits(i + 1));
}
