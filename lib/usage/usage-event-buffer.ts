import 'server-only';
import ipaddr from 'ipaddr.js';
import { Prisma } from '@/generated/prisma/client';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { now as clockNow } from '@/lib/clock';
import { isRobot } from './is-robot';
import { recomputeUsageFlags } from './recompute-usage-flags';
import { sessionKeyOf } from './session-key';

/** One transaction as a route or page sees it. The address is used once, to name the institution. */
export type UsageInput = {
  /**
   * `shared_view`: the page every visitor shares was sent (scripts/server.mjs, which does not know
   * the article): a Request when the article is free (its text is on that page), else an
   * Investigation and a No_License denial.
   */
  kind: Prisma.UsageEventCreateInput['kind'] | 'shared_view';
  /** Which link: page, pdf, asset:<key>, slide:<figure>, search (double-clicks are per link). */
  target: string;
  /** The article, by id or DOI (searches have none). */
  articleId?: string | null;
  doi?: string | null;
  ip: string | null;
  userAgent: string | null;
  userId: string | null;
  sessionId: string | null;
  /** Set when the institution is known otherwise (SAML); else it comes from the address. */
  institutionId?: string | null;
  at?: Date;
};

type PendingRow = {
  at: string;
  kind: UsageInput['kind'];
  target: string;
  aid: string | null;
  doi: string | null;
  ip: string | null;
  inst: string | null;
  uid: string | null;
  sk: string;
};

type Buffer = { rows: PendingRow[]; timer: NodeJS.Timeout | null; flushing: Promise<void> | null };

// Recording must not slow a page: a view only pushes onto this list, and one statement writes
// what gathered every FLUSH_MS (or FLUSH_ROWS). On globalThis: Next loads separate copies of this
// module for pages, routes and instrumentation.ts in one process, and they must share one list
// so the server's stop (scripts/server.mjs) writes everything before it exits.
const FLUSH_MS = 1000;
const FLUSH_ROWS = 500;
// While the database is away the list keeps growing; past this the oldest are dropped (said once).
const KEEP_AT_MOST = 100_000;
const KEY = Symbol.for('journal.usageEventBuffer');
const store = globalThis as { [KEY]?: Buffer };
const buffer: Buffer = (store[KEY] ??= { rows: [], timer: null, flushing: null });

// The key of COUNTER's session hash. Several instances share NEXTAUTH_SECRET, so one reader's
// session is one session wherever their requests land.
const sessionSecret = env.NEXTAUTH_SECRET ?? 'development-only usage session key';

/** Queues one COUNTER transaction; robots (COUNTER's list) are dropped here. Never throws, never waits. */
export function recordUsage(input: UsageInput): void {
  if (isRobot(input.userAgent)) return;
  if (!input.articleId && !input.doi && input.kind !== 'search') return;
  // Only a valid address reaches the SQL cast (a bad one would fail the whole batch).
  const ip = input.ip && ipaddr.isValid(input.ip) ? input.ip : null;
  const at = input.at ?? clockNow();
  buffer.rows.push({
    at: at.toISOString(),
    kind: input.kind,
    target: input.target.slice(0, 240),
    aid: input.articleId ?? null,
    doi: input.doi ?? null,
    ip: input.institutionId ? null : ip,
    inst: input.institutionId ?? null,
    uid: input.userId,
    sk: sessionKeyOf({ ...input, ip }, at, sessionSecret),
  });
  if (buffer.rows.length > KEEP_AT_MOST) {
    buffer.rows.splice(0, buffer.rows.length - KEEP_AT_MOST);
    console.warn(`[usage] more than ${KEEP_AT_MOST} events waiting for the database: the oldest were dropped`);
  }
  if (buffer.rows.length >= FLUSH_ROWS) void flushUsageEvents();
  else buffer.timer ??= setTimeout(() => void flushUsageEvents(), FLUSH_MS).unref();
}

/**
 * Writes every queued event in one statement: the article's journal, year of publication and
 * access type are read from the article, the institution from its address ranges (inet/cidr in
 * SQL, the same match as the access decision), and the address itself is not stored. A failed
 * write keeps the rows for the next try. Resolves when what was queued before the call is written.
 */
export async function flushUsageEvents(): Promise<void> {
  if (buffer.timer) clearTimeout(buffer.timer);
  buffer.timer = null;
  while (buffer.flushing) await buffer.flushing;
  if (buffer.rows.length === 0) return;
  const rows = buffer.rows.splice(0, buffer.rows.length);
  buffer.flushing = writeRows(rows)
    .catch((error: unknown) => {
      buffer.rows.unshift(...rows);
      console.warn(
        `[usage] ${rows.length} events not written yet (kept for the next try): ${(error as Error).message}`,
      );
      buffer.timer ??= setTimeout(() => void flushUsageEvents(), 5 * FLUSH_MS).unref();
    })
    .finally(() => {
      buffer.flushing = null;
    });
  await buffer.flushing;
}

async function writeRows(rows: PendingRow[]): Promise<void> {
  const sessionKeys = [...new Set(rows.map((r) => r.sk))];
  // One flush at a time platform-wide (a transaction-scoped advisory lock): two instances writing
  // one session's events at once would each set its flags without the other's rows.
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('journal.usage-events'))`;
    const [inserted] = await tx.$queryRaw<{ firstId: bigint | null }[]>`
    WITH ins AS (
    INSERT INTO "UsageEvent" ("occurredAt", "institutionId", "userId", "sessionKey", "articleId", "journalId", "yop", "accessType", "kind", "target")
    SELECT e.at, coalesce(e.inst, (
             SELECT r."institutionId" FROM "InstitutionRange" r
              WHERE e.ip IS NOT NULL AND r."cidr"::cidr >>= e.ip::inet ORDER BY r."institutionId" LIMIT 1)),
           e.uid, e.sk, a."id", a."journalId",
           coalesce(extract(year FROM a."publishedOnline")::int, i."year"),
           (CASE WHEN a."id" IS NULL THEN NULL WHEN a."isFree" THEN 'Open' ELSE 'Controlled' END)::"CounterAccessType",
           k.kind::"UsageKind", e.target
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
           AS e(at timestamp, kind text, target text, aid text, doi text, ip text, inst text, uid text, sk text)
      LEFT JOIN "Article" a ON a."id" = coalesce(e.aid, (SELECT x."id" FROM "Article" x WHERE x."doi" = e.doi))
      LEFT JOIN "Issue" i ON i."id" = a."issueId"
      CROSS JOIN LATERAL unnest(CASE
             WHEN e.kind <> 'shared_view' THEN ARRAY[e.kind]
             WHEN a."isFree" THEN ARRAY['request'] ELSE ARRAY['investigation', 'no_license'] END) AS k(kind)
     WHERE e.kind = 'search' OR a."id" IS NOT NULL
    RETURNING "id")
    SELECT min("id") AS "firstId" FROM ins`;
    // The events just inserted are the ones at or past the first new id: every writer holds the lock.
    const firstId = inserted?.firstId;
    if (firstId === null || firstId === undefined) return;
    await recomputeUsageFlags(
      tx,
      Prisma.sql`e."sessionKey" IN (${Prisma.join(sessionKeys)})`,
      Prisma.sql`u."id" >= ${firstId}`,
    );
  });
}

/** How many events wait to be written (tests, the server's stop). */
export function countPendingUsageEvents(): number {
  return buffer.rows.length;
}
