// zod's issues in words a person reads, once for every route and form.
import type { ZodError } from 'zod';

const NOUNS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  date: 'a date',
  null: 'null',
};
const noun = (type: string) => NOUNS[type] ?? type;
type ZodIssue = ZodError['issues'][number];
const isZodDefault = (message: string) => /^(Invalid (input|option)|Too (big|small))\b/.test(message);

/**
 * The alternative of a union the input came closest to: fewest missing fields, then fewest
 * problems, then one of our own messages ("Enter your last name.") over zod's defaults.
 */
function closestBranch(branches: ZodIssue[][]): ZodIssue[] | undefined {
  const score = (issues: ZodIssue[]) =>
    issues.filter((i) => /received undefined$/.test(i.message)).length * 10 +
    issues.length -
    (issues[0] && !isZodDefault(issues[0].message) ? 0.5 : 0);
  return [...branches].sort((a, b) => score(a) - score(b))[0];
}

/** zod's default wording ("Invalid input: expected string, received undefined") in plain words. */
function plainMessage(issue: ZodIssue): string {
  if (issue.code === 'invalid_value' && isZodDefault(issue.message)) {
    const values = issue.values.map((v) => JSON.stringify(v));
    return values.length === 1 ? `Use ${values[0]}.` : `Choose one of ${values.join(', ')}.`;
  }
  const wrongType = /^Invalid input: expected (\w+), received (\w+)$/.exec(issue.message);
  if (wrongType) {
    const [, expected = '', received = ''] = wrongType;
    return received === 'undefined' ? 'Required.' : `Expected ${noun(expected)}, not ${noun(received)}.`;
  }
  if (isZodDefault(issue.message) && (issue.code === 'too_big' || issue.code === 'too_small')) {
    const limit = String(issue.code === 'too_big' ? issue.maximum : issue.minimum);
    const most = issue.code === 'too_big' ? 'at most' : 'at least';
    if (issue.origin === 'string') return `Use ${most} ${limit} characters.`;
    if (issue.origin === 'array' || issue.origin === 'set') return `Give ${most} ${limit} items.`;
    return `Use a value of ${most} ${limit}.`;
  }
  return issue.message;
}

/**
 * The issue as a person should read it, at the field it is about. Our schemas give their own
 * messages for what people type; zod's defaults are rephrased here, once for every route and
 * form, and a union answers with the alternative the input came closest to.
 */
export function plainIssue(issue: ZodIssue): { path: PropertyKey[]; message: string } {
  const first = issue.code === 'invalid_union' ? closestBranch(issue.errors)?.[0] : undefined;
  if (first) {
    const inner = plainIssue(first);
    return { path: [...issue.path, ...inner.path], message: inner.message };
  }
  return { path: issue.path, message: plainMessage(issue) };
}

/** "email: Enter a valid email address.; password: Required." */
export function describeZodError(error: ZodError): string {
  return error.issues
    .map(plainIssue)
    .map(({ path, message }) => (path.length ? `${path.map(String).join('.')}: ${message}` : message))
    .join('; ');
}
