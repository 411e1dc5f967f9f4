import 'server-only';
import { isDatabaseUnavailable } from '@/lib/errors/database-errors';
import { RETRY_AFTER_SECONDS, UNAVAILABLE_PAGE } from '@/lib/errors/database-unavailable.mjs';
import { htmlMessage } from './html-message';

/**
 * For route handlers a browser opens directly (PDFs, downloads, images): any error becomes a
 * short HTML page instead of Next's empty 500 – a 503 with Retry-After while the database is away.
 */
export function htmlRoute<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        return new Response(UNAVAILABLE_PAGE, {
          status: 503,
          headers: {
            'Content-Type': 'text/html; charset=utf-8',
            'Retry-After': String(RETRY_AFTER_SECONDS),
            'Cache-Control': 'no-store',
          },
        });
      }
      console.error(error);
      return htmlMessage(500, 'Something went wrong', 'Something went wrong on our side. Please try again.');
    }
  };
}
