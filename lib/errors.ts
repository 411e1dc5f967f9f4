// Errors the app expects, and the one place that turns any error into an HTTP answer a person
// can read. Unexpected errors are logged and answered with a plain 500, never a stack trace.
import { NextResponse } from 'next/server';
import { ZodError } from 'zod';
import { RETRY_AFTER_SECONDS, UNAVAILABLE_MESSAGE } from './http/database-unavailable.mjs';
import type { ErrorReply } from './http/error-reply';

export class AppError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
  }
}

export class NotFoundError extends AppError {
  constructor(message = 'Not found.') {
    super(message, 404, 'not_found');
  }
}

export class ValidationError extends AppError {
  constructor(message: string) {
    super(message, 422, 'invalid');
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string) {
    super(message, 403, 'forbidden');
  }
}

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

// Seen while PostgreSQL restarts: refused or dropped connections (pg, Prisma's P1001/P1017 text),
// its shutdown and start-up answers (SQLSTATE 57P01-57P03), and waiting too long for a connection.
// Seen while it hangs (lib/create-database-adapter.ts bounds every wait): no answer to a statement
// (pg's query_timeout), a statement the server cancelled (statement_timeout, SQLSTATE 57014), a
// session it ended (idle_in_transaction_session_timeout), a connection closed for not answering.
const UNAVAILABLE =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|timeout exceeded when trying to connect|Connection terminated|DatabaseNotReachable|Can't reach database server|Server has closed the connection|the database system is (starting up|shutting down|not yet accepting connections|in recovery mode)|terminating connection|Code: `57P0[1-3]`|Query read timeout|canceling statement due to statement timeout|Code: `57014`|Client was closed and is not queryable/i;

/** The database cannot be reached right now (restart, failover): worth a retry, not a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown };
  if (e.code === 'P1001' || e.code === 'P1002' || e.code === 'P1017' || e.code === 'P2024') return true;
  if (typeof e.code === 'string' && /^(57P0[1-3]|57014|08\w{3})$/.test(e.code)) return true; // pg's own errors
  return (
    UNAVAILABLE.test(String(e.message)) ||
    (e.cause !== undefined && e.cause !== error && isDatabaseUnavailable(e.cause))
  );
}

// PostgreSQL cannot store a NUL character in text (22021) or in JSON (22P05, e.g. the audit log).
// Such text comes from the client, never from us: a 422 with what to fix, not a 500.
const UNSTORABLE_TEXT = /invalid byte sequence for encoding "UTF8": 0x00|unsupported Unicode escape sequence/;

function isUnstorableText(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as { message?: unknown; cause?: unknown };
  return UNSTORABLE_TEXT.test(String(e.message)) || (e.cause !== error && isUnstorableText(e.cause));
}

/**
 * The error as the client's fault with a message for them (AppError, or text the database
 * refused), or null for our own faults. Route handlers and server actions both answer with it.
 */
export function asClientError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (isUnstorableText(error))
    return new ValidationError(
      'The text contains a NUL character (\\u0000), which cannot be stored. Remove it and try again.',
    );
  return null;
}

export function errorResponse(error: unknown): NextResponse {
  if (isDatabaseUnavailable(error)) {
    return NextResponse.json<ErrorReply>(
      { error: UNAVAILABLE_MESSAGE, code: 'unavailable' },
      { status: 503, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } },
    );
  }
  if (error instanceof ZodError) {
    // `issues` lets a form name each field by its own label instead of its key.
    const issues = error.issues
      .map(plainIssue)
      .map(({ path, message }) => ({ field: path.map(String).join('.'), message }));
    return NextResponse.json<ErrorReply>({ error: describeZodError(error), code: 'invalid', issues }, { status: 422 });
  }
  const clientError = asClientError(error);
  if (clientError) {
    return NextResponse.json<ErrorReply>(
      { error: clientError.message, code: clientError.code },
      { status: clientError.status },
    );
  }
  console.error(error);
  return NextResponse.json<ErrorReply>(
    { error: 'Something went wrong on our side. Please try again.', code: 'internal' },
    { status: 500 },
  );
}
