// ✓/✗ lines for the scale and fault tests, how many failed, and the run that ends in that verdict.
let failures = 0;

export function check(name: string, isOk: boolean, detail = ''): boolean {
  console.log(`${isOk ? '✓' : '✗'} ${name}${detail ? ` (${detail})` : ''}`);
  if (!isOk) failures++;
  return isOk;
}

/**
 * Runs `main` (an uncaught error counts as a failed check), then `cleanUp` whatever happened, then
 * prints the verdict and exits 0 only when no check failed. `what` names the checks ("Fault").
 */
export function runChecks(what: string, main: () => Promise<void>, cleanUp: () => Promise<void>): void {
  main()
    .catch((error: unknown) => {
      console.error(error);
      failures++;
    })
    .finally(async () => {
      await cleanUp();
      console.log(failures === 0 ? `${what} checks passed.` : `${failures} ${what.toLowerCase()} check(s) failed.`);
      process.exit(failures === 0 ? 0 : 1);
    });
}
