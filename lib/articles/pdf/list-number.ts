/** An ordered list's marker for item `n` in HTML's `type` (1, a, A, i, I). */
export function listNumber(n: number, type: string): string {
  if (type === 'a' || type === 'A') {
    const letter = String.fromCharCode(96 + (((n - 1) % 26) + 1));
    return type === 'A' ? letter.toUpperCase() : letter;
  }
  if (type === 'i' || type === 'I') {
    const numerals: [number, string][] = [
      [10, 'x'],
      [9, 'ix'],
      [5, 'v'],
      [4, 'iv'],
      [1, 'i'],
    ];
    let rest = n;
    let roman = '';
    for (const [value, digits] of numerals) {
      while (rest >= value) {
        roman += digits;
        rest -= value;
      }
    }
    return type === 'I' ? roman.toUpperCase() : roman;
  }
  return String(n);
}
