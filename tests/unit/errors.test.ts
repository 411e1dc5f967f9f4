import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, STATUS_OF_KIND, ValidationError } from '@/lib/errors/app-error';
import { asClientError } from '@/lib/errors/as-client-error';
import { isDatabaseUnavailable } from '@/lib/errors/database-errors';
import { describeZodError } from '@/lib/errors/plain-zod-issues';
import { errorResponse } from '@/lib/http/error-response';
import { errorMessageOf, errorReplySchema } from '@/lib/http/error-reply';

describe('errorResponse', () => {
  it('answers every refusal in the one shape the components read (lib/http/error-reply.ts)', async () => {
    const refusals = [
      z.object({ n: z.number() }).safeParse({ n: 'x' }).error!,
      new ValidationError('No.'),
      Object.assign(new Error('db'), { cause: new Error('connect ECONNREFUSED 127.0.0.1:5432') }),
      new Error('secret internals'),
    ];
    for (const refusal of refusals) {
      const body: unknown = await errorResponse(refusal).json();
      expect(errorReplySchema.safeParse(body).success).toBe(true);
    }
    expect(errorMessageOf(await errorResponse(new ValidationError('No.')).json(), 'fallback')).toBe('No.');
    expect(errorMessageOf('<html>Bad gateway</html>', 'fallback')).toBe('fallback');
  });

  it('answers bad input with 422 and a readable message', async () => {
    const zodError = z
      .object({ email: z.string().email('Enter a valid email address.') })
      .safeParse({ email: 'x' }).error!;
    const res = errorResponse(zodError);
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      error: 'email: Enter a valid email address.',
      code: 'invalid',
      issues: [{ field: 'email', message: 'Enter a valid email address.' }],
    });
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

  it('answers text the database cannot store (a NUL character) with 422, not 500', async () => {
    // As Prisma 7 reports it through @prisma/adapter-pg.
    const nul = new Error(
      'Invalid `prisma.comment.create()` invocation:\nDatabase error. Code: `22021`. Message: `invalid byte sequence for encoding "UTF8": 0x00`',
    );
    const res = errorResponse(nul);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: string }).error).toMatch(/NUL character/);
    expect(asClientError(new Error('boom'))).toBeNull();
  });
});

describe('AppError', () => {
  it('takes its status from its kind, and names its reason by the kind unless given a finer one', async () => {
    const claimed = new AppError('You have already claimed credit for this activity.', 'conflict', 'already_claimed');
    expect([claimed.status, claimed.code]).toEqual([409, 'already_claimed']);
    const reply = errorResponse(new AppError('Please sign in to comment.', 'unauthenticated'));
    expect(reply.status).toBe(401);
    expect(await reply.json()).toEqual({ error: 'Please sign in to comment.', code: 'unauthenticated' });
    // Each status belongs to one kind: a client reading the code never has two names for one answer.
    expect(new Set(Object.values(STATUS_OF_KIND)).size).toBe(Object.keys(STATUS_OF_KIND).length);
  });
});

describe('describeZodError', () => {
  it('rephrases zod’s default messages and keeps our own', () => {
    const schema = z.object({
      doi: z.string().min(3).max(300),
      on: z.boolean(),
      ids: z.array(z.string()).max(2),
      email: z.string().email('Enter a valid email address.'),
    });
    const error = schema.safeParse({ doi: 'x'.repeat(301), on: 'yes', ids: ['a', 'b', 'c'], email: 'x' }).error!;
    expect(describeZodError(error)).toBe(
      'doi: Use at most 300 characters.; on: Expected true or false, not text.; ids: Give at most 2 items.; email: Enter a valid email address.',
    );
    expect(describeZodError(schema.safeParse({}).error!)).toMatch(/^doi: Required\.; on: Required\./);
    // A union answers with the alternative the input came closest to, in our words where we have them.
    const activation = z.union([
      z.object({ memberNumber: z.string().max(40), lastName: z.string().min(1, 'Enter your last name.') }),
      z.object({ activationCode: z.string().min(4) }),
    ]);
    expect(describeZodError(activation.safeParse({ memberNumber: 'A-1', lastName: '' }).error!)).toBe(
      'lastName: Enter your last name.',
    );
    const until = z.union([z.literal(''), z.null(), z.string({ error: 'Enter a valid end date.' })]);
    expect(describeZodError(until.safeParse(42).error!)).toBe('Enter a valid end date.');
    expect(describeZodError(z.enum(['monthly', 'annual']).safeParse('x').error!)).toBe(
      'Choose one of "monthly", "annual".',
    );
  });
});
