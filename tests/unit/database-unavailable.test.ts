import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '@/lib/errors/database-errors';
import {
  answerUnavailableInsteadOf500,
  noteDatabaseUnavailable,
  UNAVAILABLE_MESSAGE,
} from '@/lib/errors/database-unavailable.mjs';

describe('isDatabaseUnavailable', () => {
  it('knows what a PostgreSQL restart looks like through Prisma and pg', () => {
    const rawQuery = new Error(
      "\nInvalid `prisma.$queryRaw()` invocation:\n\n\nRaw query failed. Code: `N/A`. Message: `Can't reach database server at 127.0.0.1:55442`",
    );
    const shutdown = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
    });
    const startingUp = Object.assign(new Error('the database system is not yet accepting connections'), {
      code: '57P03',
    });
    for (const error of [rawQuery, shutdown, startingUp]) expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('knows what a database that hangs looks like: every timeout lib/create-database-adapter.ts sets', () => {
    const noAnswer = new Error('Query read timeout');
    const noConnection = new Error('Connection terminated due to connection timeout', {
      cause: new Error('Connection terminated unexpectedly'),
    });
    const poolFull = new Error('timeout exceeded when trying to connect');
    const cancelled = Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' });
    const throughPrisma = new Error(
      'Raw query failed. Code: `57014`. Message: `ERROR: canceling statement due to statement timeout`',
    );
    const idleInTransaction = Object.assign(new Error('terminating connection due to idle-in-transaction timeout'), {
      code: '25P03',
    });
    for (const error of [noAnswer, noConnection, poolFull, cancelled, throughPrisma, idleInTransaction])
      expect(isDatabaseUnavailable(error), error.message).toBe(true);
  });

  it('leaves other database errors alone', () => {
    const unique = Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });
    expect(isDatabaseUnavailable(unique)).toBe(false);
  });
});

describe('answerUnavailableInsteadOf500 (our server, in front of Next)', () => {
  let server: http.Server | null = null;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  /** A stand-in for Next: answers `status` with headers and a streamed body. */
  async function serve(status: number) {
    server = http.createServer((req, res) => {
      answerUnavailableInsteadOf500(req, res);
      res.statusCode = status;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('Cache-Control', 'private, no-cache');
      res.write('<!DOCTYPE html><html id="__next_error__">');
      res.end('</html>');
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('answers a page that failed while the database was away with the 503 page', async () => {
    const base = await serve(500);
    noteDatabaseUnavailable();
    const res = await fetch(`${base}/account`);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(res.headers.get('content-type')).toContain('text/html');
    const body = await res.text();
    expect(body).toContain(UNAVAILABLE_MESSAGE);
    expect(body).not.toContain('__next_error__');
  });

  it('answers an API route with JSON', async () => {
    const base = await serve(500);
    noteDatabaseUnavailable();
    const res = await fetch(`${base}/api/me`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: UNAVAILABLE_MESSAGE, code: 'unavailable' });
  });

  it('passes other answers through, and a 500 when the database was not seen away lately', async () => {
    const ok = await serve(200);
    noteDatabaseUnavailable();
    expect((await fetch(`${ok}/`)).status).toBe(200);
    server!.close();
    const failing = await serve(500);
    noteDatabaseUnavailable(Date.now() - 60_000);
    const res = await fetch(`${failing}/account`);
    expect(res.status).toBe(500);
    expect(await res.text()).toContain('__next_error__');
  });
});
