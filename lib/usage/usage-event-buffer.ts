import 'server-only';
import ipaddr from 'ipaddr.js';
import { Prisma } from '@/generated/prisma/client';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { now as clockNow } from '@/lib/clock';
import { isRobot } from './is-robot';
import { writeUsageEvents } from './write-usage-events';
import { openAddress, sealAddress } from './seal-address';
import { sessionKeyOf } from './session-key';
import { groupUsageRows } from './group-usage-rows';
import {
  appendToSpool,
  listSealedSegments,
  readSegment,
  removeSegment,
  sealSpoolSegment,
  type Segment,
} from './usage-spool';

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
  /** The address, sealed (lib/usage/seal-address.ts): the spool is on disk. */
  ip: string | null;
  inst: string | null;
  uid: string | null;
  sk: string;
};

type Flusher = {
  timer: NodeJS.Timeout | null;
  flushing: Promise<void> | null;
  orphansCheckedAt: number;
  /** Names of written segments whose files are gone: the next transaction forgets them. */
  removed: string[];
};

// Recording must not slow a page: a view only appends a line to the spool (lib/usage/usage-spool.ts,
// which is what makes it survive a kill), and one transaction writes what gathered every FLUSH_MS
// (or FLUSH_ROWS). On globalThis: Next loads separate copies of this module for pages, routes and
// instrumentation.ts in one process, and they must share one timer and one flush at a time.
const FLUSH_MS = 1000;
const FLUSH_ROWS = 2000;
// A transaction writes at most this many events (after a long database outage the spool is large),
// and may take longer than the default 5 s on a busy embedded database.
const ROWS_PER_TRANSACTION = 2000;
const TRANSACTION_TIMEOUT_MS = 30_000;
// How often the spool is searched for what processes that are gone left behind.
const ORPHANS_EVERY_MS = 60_000;
const KEY = Symbol.for('journal.usageEventFlusher');
const store = globalThis as { [KEY]?: Flusher };
const flusher: Flusher = (store[KEY] ??= { timer: null, flushing: null, orphansCheckedAt: 0, removed: [] });

// The key of COUNTER's session hash. Several instances share NEXTAUTH_SECRET, so one reader's
// session is one session wherever their requests land.
const sessionSecret = env.NEXTAUTH_SECRET ?? 'development-only usage session key';

/**
 * Queues one COUNTER transaction on disk before it returns (the spool); robots (COUNTER's list)
 * are dropped here. Never throws, never waits.
 */
export function recordUsage(input: UsageInput): void {
  if (isRobot(input.userAgent)) return;
  if (!input.articleId && !input.doi && input.kind !== 'search') return;
  // Only a valid address reaches the SQL cast (a bad one would fail the whole batch).
  const ip = input.ip && ipaddr.isValid(input.ip) ? input.ip : null;
  const at = input.at ?? clockNow();
  const row: PendingRow = {
    at: at.toISOString(),
    kind: input.kind,
    target: input.target.slice(0, 240),
    aid: input.articleId ?? null,
    doi: input.doi ?? null,
    ip: input.institutionId || !ip ? null : sealAddress(ip, sessionSecret),
    inst: input.institutionId ?? null,
    uid: input.userId,
    sk: sessionKeyOf({ ...input, ip }, at, sessionSecret),
  };
  if (appendToSpool(row) >= FLUSH_ROWS) void flushUsageEvents();
  else scheduleFlush(FLUSH_MS);
}

function scheduleFlush(ms: number) {
  flusher.timer ??= setTimeout(() => void flushUsageEvents(), ms).unref();
}

/**
 * Writes every sealed spool segment of this process (and, once a minute, at start or when
 * `withOrphans` asks, those of processes that are gone): the article's journal, year of publication and access type are read
 * from the article, the institution from its address ranges (inet/cidr in SQL, the same match as
 * the access decision), and the address itself is not stored. A failed write leaves the segments
 * for the next try. Resolves when what was recorded before the call is written.
 */
export async function flushUsageEvents(options: { withOrphans?: boolean } = {}): Promise<void> {
  if (flusher.timer) clearTimeout(flusher.timer);
  flusher.timer = null;
  while (flusher.flushing) await flusher.flushing;
  sealSpoolSegment();
  const withOrphans = options.withOrphans ?? Date.now() - flusher.orphansCheckedAt >= ORPHANS_EVERY_MS;
  const segments = listSealedSegments({ withOrphans });
  if (withOrphans) flusher.orphansCheckedAt = Date.now();
  if (segments.length === 0) return;
  flusher.flushing = writeSegments(segments)
    .catch((error: unknown) => {
      console.warn(`[usage] events not written yet (kept in the spool for the next try): ${(error as Error).message}`);
      scheduleFlush(5 * FLUSH_MS);
    })
    .finally(() => {
      flusher.flushing = null;
    });
  await flusher.flushing;
}

/** Writes segments a few at a time, each batch in one transaction, and deletes them once written. */
async function writeSegments(segments: Segment[]): Promise<void> {
  let batch: { segment: Segment; rows: PendingRow[] }[] = [];
  let count = 0;
  const writeBatch = async () => {
    if (batch.length === 0) return;
    const forget = flusher.removed.splice(0);
    await writeRows(batch, forget).catch((error: unknown) => {
      flusher.removed.push(...forget);
      throw error;
    });
    for (const { segment } of batch) removeSegment(segment);
    flusher.removed.push(...batch.map((b) => b.segment.name));
    batch = [];
    count = 0;
  };
  for (const segment of segments) {
    const rows = readSegment<PendingRow>(segment);
    if (count > 0 && count + rows.length > ROWS_PER_TRANSACTION) await writeBatch();
    batch.push({ segment, rows });
    count += rows.length;
  }
  await writeBatch();
}

async function writeRows(batch: { segment: Segment; rows: PendingRow[] }[], forget: string[]): Promise<void> {
  // One flush at a time platform-wide (a transaction-scoped advisory lock): two instances writing
  // one session's events at once would each set its flags without the other's rows.
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('journal.usage-events'))`;
      await tx.$executeRaw`
      DELETE FROM "UsageSpoolSegment"
       WHERE "name" = ANY(${forget}::text[]) OR "writtenAt" < now() - interval '7 days'`;
      // A segment already written (its process died before deleting it) is not counted again.
      const fresh = await tx.$queryRaw<{ name: string }[]>`
      INSERT INTO "UsageSpoolSegment" ("name")
      SELECT unnest(${batch.map((b) => b.segment.name)}::text[])
      ON CONFLICT DO NOTHING RETURNING "name"`;
      const freshNames = new Set(fresh.map((f) => f.name));
      const rows = batch.filter((b) => freshNames.has(b.segment.name)).flatMap((b) => b.rows);
      if (rows.length === 0) return;
      const opened = new Map<string, string | null>();
      const openOnce = (sealed: string) => {
        if (!opened.has(sealed)) opened.set(sealed, openAddress(sealed, sessionSecret));
        return opened.get(sealed)!;
      };
      const { facts, ats, factIndexes } = groupUsageRows(
        rows.map((r) => ({ ...r, ip: r.ip && openOnce(r.ip) })),
        (f) => `${f.kind}|${f.target}|${f.aid}|${f.doi}|${f.ip}|${f.inst}|${f.uid}|${f.sk}`,
      );
      // The institution from the address (the same range match as the access decision), the journal,
      // year of publication and access type from the article, once per distinct facts; the address
      // itself is not kept. Uses keep their order (ids break ties between uses of one instant).
      const incoming = Prisma.sql`
      WITH f AS MATERIALIZED (
        SELECT e.n AS "fact", e.kind AS "rawKind", e.target, e.uid AS "userId", e.sk AS "sessionKey", a."isFree",
               coalesce(e.inst, (
                 SELECT r."institutionId" FROM "InstitutionRange" r
                  WHERE e.ip IS NOT NULL AND r."cidr"::cidr >>= e.ip::inet ORDER BY r."institutionId" LIMIT 1)) AS "institutionId",
               a."id" AS "articleId", a."journalId",
               coalesce(extract(year FROM a."publishedOnline")::int, i."year") AS "yop",
               (CASE WHEN a."id" IS NULL THEN NULL WHEN a."isFree" THEN 'Open' ELSE 'Controlled' END)::"CounterAccessType" AS "accessType"
          FROM jsonb_to_recordset(${JSON.stringify(facts.map((fact, n) => ({ ...fact, n })))}::jsonb)
               AS e(n int, kind text, target text, aid text, doi text, ip text, inst text, uid text, sk text)
          LEFT JOIN "Article" a ON a."id" = coalesce(e.aid, (SELECT x."id" FROM "Article" x WHERE x."doi" = e.doi))
          LEFT JOIN "Issue" i ON i."id" = a."issueId"
         WHERE e.kind = 'search' OR a."id" IS NOT NULL)
      SELECT u.at AS "occurredAt", f."institutionId", f."userId", f."sessionKey", f."articleId", f."journalId", f."yop",
             f."accessType", k.kind::"UsageKind" AS "kind", f."target"
        FROM unnest(${ats}::timestamp[], ${factIndexes}::int[]) WITH ORDINALITY AS u(at, fact, n)
        JOIN f ON f."fact" = u.fact
        CROSS JOIN LATERAL unnest(CASE
               WHEN f."rawKind" <> 'shared_view' THEN ARRAY[f."rawKind"]
               WHEN f."isFree" THEN ARRAY['request'] ELSE ARRAY['investigation', 'no_license'] END) WITH ORDINALITY AS k(kind, n)
       ORDER BY u.n, k.n`;
      await writeUsageEvents(tx, incoming, { mayFollowEarlierEvents: true });
    },
    { timeout: TRANSACTION_TIMEOUT_MS },
  );
}
