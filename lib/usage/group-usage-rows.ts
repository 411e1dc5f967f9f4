/**
 * A flush's uses as the database receives them: each distinct set of facts (kind, link, article,
 * address, institution, reader, session) once, and per use only its time and which facts it has.
 * A reader's uses repeat the same facts, so the JSON the database parses, and the look-ups of the
 * article and of the address's institution, are per distinct facts, not per use (on the embedded
 * database, parsing and looking up per use was most of what recording cost a page view).
 */
export function groupUsageRows<Row extends { at: string }>(
  rows: Row[],
  factsKey: (facts: Omit<Row, 'at'>) => string,
): { facts: Omit<Row, 'at'>[]; ats: string[]; factIndexes: number[] } {
  const indexOf = new Map<string, number>();
  const facts: Omit<Row, 'at'>[] = [];
  const ats: string[] = [];
  const factIndexes: number[] = [];
  for (const { at, ...rest } of rows) {
    const key = factsKey(rest);
    let index = indexOf.get(key);
    if (index === undefined) {
      index = facts.length;
      indexOf.set(key, index);
      facts.push(rest);
    }
    ats.push(at);
    factIndexes.push(index);
  }
  return { facts, ats, factIndexes };
}
