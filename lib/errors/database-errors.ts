// How the database's own errors are recognised: unreachable for now, or text it cannot store.

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

export function isUnstorableText(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as { message?: unknown; cause?: unknown };
  return UNSTORABLE_TEXT.test(String(e.message)) || (e.cause !== error && isUnstorableText(e.cause));
}
