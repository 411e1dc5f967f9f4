import 'server-only';
import { NextResponse } from 'next/server';
import { isDatabaseUnavailable } from '@/lib/errors/database-errors';
import { RETRY_AFTER_SECONDS } from '@/lib/errors/database-unavailable.mjs';
import { counterException, CounterRequestError, httpStatusOf } from './counter-exceptions';

/**
 * A COUNTER API route: a refusal is answered with its R5.1 exception object and HTTP status
 * (Appendix D), the database away with 503 + Exception 1000, anything else with Exception 1000
 * (logged), never a stack trace.
 */
export function counterRoute(
  handler: (request: Request, query: URLSearchParams, params: Record<string, string>) => Promise<unknown>,
) {
  return async (request: Request, context: { params: Promise<Record<string, string>> }): Promise<Response> => {
    try {
      const query = new URL(request.url).searchParams;
      const body = await handler(request, query, await context.params);
      return NextResponse.json(body, { headers: { 'Cache-Control': 'private, no-store' } });
    } catch (error) {
      if (error instanceof CounterRequestError)
        return NextResponse.json(error.exception, { status: httpStatusOf(error.exception) });
      if (isDatabaseUnavailable(error))
        return NextResponse.json(counterException(1000, 'The database is briefly unavailable'), {
          status: 503,
          headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) },
        });
      console.error('[counter] request failed:', error);
      return NextResponse.json(counterException(1000), { status: 500 });
    }
  };
}
