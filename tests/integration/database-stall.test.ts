import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PrismaClient } from '@/generated/prisma/client';
import { createDatabaseAdapter } from '@/lib/create-database-adapter';
import { db } from '@/lib/db';
import { parseEnv } from '@/lib/env-schema';
import { isDatabaseUnavailable } from '@/lib/errors/database-errors';
import { resetDatabase } from '../support/reset-db';
import { startStallingProxy, type StallingProxy } from '../support/stalling-proxy';

// A database that hangs rather than goes down (a network partition): the app's own pool, through a
// proxy that stops answering, must fail every statement within its timeouts with an error the app
// answers 503 for, never open more connections than the pool holds, and work again by itself
// once the network passes traffic again.
const settings = parseEnv({
  DATABASE_CONNECT_TIMEOUT_MS: '500',
  DATABASE_STATEMENT_TIMEOUT_MS: '500',
  DATABASE_POOL_SIZE: '3',
});
// The longest a statement may wait: the statement timeout, pg's grace for no answer, a margin.
const BOUND_MS = 3000;

type Outcome = { ms: number; error: unknown; hung: boolean };

/** How `work` ended, and after how long; `hung` when it had not ended within BOUND_MS. */
async function outcome(work: Promise<unknown>): Promise<Outcome> {
  const startedAt = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), BOUND_MS + 2000)));
  const result = await Promise.race([
    work.then(
      () => null,
      (error: unknown) => ({ error }),
    ),
    hung,
  ]);
  clearTimeout(timer);
  const ms = Math.round(performance.now() - startedAt);
  if (result === 'hung') return { ms, error: null, hung: true };
  return { ms, error: result?.error ?? null, hung: false };
}

function expectUnavailableInTime(result: Outcome) {
  expect(result.hung, 'still waiting on the stalled database').toBe(false);
  expect(result.error, 'the statement succeeded through a stalled network').not.toBeNull();
  expect(isDatabaseUnavailable(result.error), String(result.error)).toBe(true);
  expect(result.ms).toBeLessThan(BOUND_MS);
}

describe('a database that stops answering (network partition)', () => {
  let proxy: StallingProxy;
  let client: PrismaClient;

  beforeAll(async () => {
    proxy = await startStallingProxy(process.env.DATABASE_URL!);
    client = new PrismaClient({ adapter: createDatabaseAdapter(proxy.url, settings) });
  });
  afterAll(async () => {
    proxy.pass();
    await client.$disconnect();
    await proxy.close();
  });
  beforeEach(async () => {
    proxy.pass();
    await resetDatabase();
  });

  it('fails statements within the timeout as "unavailable", opens no more than the pool, and recovers', async () => {
    expect(await client.journal.count()).toBe(0); // a pooled connection, known to work
    proxy.stall();
    proxy.resetPeak();

    // On the pooled connection (already open) and on new ones (the pool opens more), at once.
    const results = await Promise.all(Array.from({ length: 8 }, () => outcome(client.journal.count())));
    for (const result of results) expectUnavailableInTime(result);
    expect(proxy.peakConnections()).toBeLessThanOrEqual(settings.DATABASE_POOL_SIZE);

    proxy.pass();
    const back = await outcome(client.journal.count());
    expect(back).toMatchObject({ error: null, hung: false });
  });

  it('abandons a transaction caught by the stall: none of it is kept, and its connection is not reused', async () => {
    const stalledMidway = client.$transaction(async (tx) => {
      await tx.journal.create({ data: { slug: 'half-done', title: 'Half done', abbreviation: 'Half' } });
      proxy.stall();
      await tx.journal.create({ data: { slug: 'never', title: 'Never', abbreviation: 'Never' } });
    });
    expectUnavailableInTime(await outcome(stalledMidway));

    proxy.pass();
    // The pool's next statement must run on its own, not inside the abandoned transaction.
    await client.journal.create({ data: { slug: 'after', title: 'After', abbreviation: 'After' } });
    const slugs = (await db.journal.findMany({ select: { slug: true } })).map((j) => j.slug);
    expect(slugs).toEqual(['after']);
  });

  it('a statement the server takes too long over fails the same way', async () => {
    expectUnavailableInTime(await outcome(client.$executeRaw`SELECT pg_sleep(2)`));
    // PGlite has no statement_timeout and one session: it answers again once the sleep is over.
    await expect.poll(() => client.journal.count().catch(() => -1), { timeout: BOUND_MS }).toBe(0);
  });
});
