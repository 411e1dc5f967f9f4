// The one place that turns any error into an HTTP answer a person can read. Unexpected errors
// are logged and answered with a plain 500, never a stack trace.
import { NextResponse } from 'next/server';
import { ZodError } from 'zod';
import { asClientError } from '@/lib/errors/as-client-error';
import { isDatabaseUnavailable } from '@/lib/errors/database-errors';
import { describeZodError, plainIssue } from '@/lib/errors/plain-zod-issues';
import { RETRY_AFTER_SECONDS, UNAVAILABLE_MESSAGE } from '@/lib/errors/database-unavailable.mjs';
import type { ErrorReply } from './error-reply';

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
