// ✓/✗ lines for the scale and fault tests, and how many failed.
let failures = 0;

export function check(name: string, isOk: boolean, detail = ''): boolean {
  console.log(`${isOk ? '✓' : '✗'} ${name}${detail ? ` (${detail})` : ''}`);
  if (!isOk) failures++;
  return isOk;
}

export function failed(): number {
  return failures;
}

export function countFailure(): void {
  failures++;
}
