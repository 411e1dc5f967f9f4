import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { Env } from '@/lib/env';

export type DatabaseSettings = Pick<
  Env,
  | 'DATABASE_CONNECT_TIMEOUT_MS'
  | 'DATABASE_STATEMENT_TIMEOUT_MS'
  | 'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS'
  | 'DATABASE_POOL_SIZE'
>;

/** How much longer than the server's statement_timeout we wait for any answer from the server. */
const NO_ANSWER_GRACE_MS = 1000;

// pg gives up on a statement after query_timeout but keeps the connection, still waiting for that
// statement's answer; Prisma then hands a transaction's connection back to the pool without an
// error. Reused after the network heals, it would run the next reader's statements inside the
// abandoned transaction. So a connection whose statement went unanswered is closed.
class ClosingOnNoAnswerClient extends pg.Client {}
// eslint-disable-next-line @typescript-eslint/unbound-method -- called with its client below
const query = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;
ClosingOnNoAnswerClient.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const result = query.apply(this, args);
  if (result instanceof Promise) {
    result.catch((error: unknown) => {
      if (error instanceof Error && error.message === 'Query read timeout') void this.end().catch(() => {});
    });
  }
  return result;
} as pg.Client['query'];

/**
 * The pool the app (lib/db.ts) and its tests talk to PostgreSQL through. Every wait is bounded, so
 * a database that hangs (a network partition) fails requests as "unavailable" (lib/errors/database-errors.ts
 * isDatabaseUnavailable: a 503), at most pool-size connections are open, and the pool reconnects
 * by itself once the database answers again.
 */
export function createDatabaseAdapter(connectionString: string, settings: DatabaseSettings): PrismaPg {
  return new PrismaPg({
    connectionString,
    Client: ClosingOnNoAnswerClient,
    max: settings.DATABASE_POOL_SIZE,
    // Both opening a connection and waiting for a free one in the pool.
    connectionTimeoutMillis: settings.DATABASE_CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    // The server cancels a slow statement (a clean error, the connection stays usable) ...
    statement_timeout: settings.DATABASE_STATEMENT_TIMEOUT_MS,
    // ... and we stop waiting when it does not answer at all.
    query_timeout: settings.DATABASE_STATEMENT_TIMEOUT_MS + NO_ANSWER_GRACE_MS,
    // A session left inside a transaction (an instance that froze or lost its network) releases its locks.
    idle_in_transaction_session_timeout: settings.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    // An idle connection to a server that vanished is noticed instead of kept for ever.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
}
