// How Cited By names a citing work's authors: the first three, then "et al." (AMA style). Pure.

export const CITING_AUTHORS_SHOWN = 3;

/** "A, B, C, et al." for more than three authors; "A, B, C" for three or fewer; "" for none. */
export function formatCitingAuthors(authors: readonly string[]): string {
  const names = authors.map((a) => a.trim()).filter(Boolean);
  if (names.length <= CITING_AUTHORS_SHOWN) return names.join(', ');
  return `${names.slice(0, CITING_AUTHORS_SHOWN).join(', ')}, et al.`;
}
