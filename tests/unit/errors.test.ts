import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorResponse, isDatabaseUnavailable, ValidationError } from '@/lib/errors';

describe('errorResponse', () => {
  it('answers bad input with 422 and a readable message', async () => {
    const zodError = z
      .object({ email: z.string().email('Enter a valid email address.') })
      .safeParse({ email: 'x' }).error!;
    const res = errorResponse(zodError);
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ error: 'email: Enter a valid email address.', code: 'invalid' });
    expect(errorResponse(new ValidationError('No.')).status).toBe(422);
  });

  it('answers a database that cannot be reached with 503 and Retry-After', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {});
    const wrapped = Object.assign(new Error('Invalid `prisma.article.findUnique()` invocation'), { cause: refused });
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
    const res = errorResponse(wrapped);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
  });

  it('answers anything else with a plain 500 and no stack trace', async () => {
    const res = errorResponse(new Error('secret internals at line 42'));
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain('secret internals');
  });
});
