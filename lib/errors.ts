// Errors the app expects, and the one place that turns any error into an HTTP answer a person
// can read. Unexpected errors are logged and answered with a plain 500, never a stack trace.
import { NextResponse } from 'next/server';
import { ZodError } from 'zod';

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

/** "email: Invalid email address; password: Too short" */
export function describeZodError(error: ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

const UNAVAILABLE =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|timeout exceeded when trying to connect|Connection terminated|DatabaseNotReachable|the database system is (starting up|shutting down)|terminating connection/i;

/** The database cannot be reached right now (restart, failover): worth a retry, not a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown };
  if (e.code === 'P1001' || e.code === 'P1002' || e.code === 'P1017' || e.code === 'P2024') return true;
  return (
    UNAVAILABLE.test(String(e.message)) ||
    (e.cause !== undefined && e.cause !== error && isDatabaseUnavailable(e.cause))
  );
}

export function errorResponse(error: unknown): NextResponse {
  if (isDatabaseUnavailable(error)) {
    return NextResponse.json(
      { error: 'The journal is briefly unavailable. Please try again in a few seconds.', code: 'unavailable' },
      { status: 503, headers: { 'Retry-After': '5' } },
    );
  }
  if (error instanceof ZodError) {
    return NextResponse.json({ error: describeZodError(error), code: 'invalid' }, { status: 422 });
  }
  if (error instanceof AppError) {
    return NextResponse.json({ error: error.message, code: error.code }, { status: error.status });
  }
  console.error(error);
  return NextResponse.json(
    { error: 'Something went wrong on our side. Please try again.', code: 'internal' },
    { status: 500 },
  );
}
