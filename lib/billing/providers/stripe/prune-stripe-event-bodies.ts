import 'server-only';
import { now } from '@/lib/clock';
import { db } from '@/lib/db';

/**
 * How long a received Stripe event keeps its body (the JSON Stripe signed) once it has been
 * applied: long enough to look into what Stripe sent about a payment a reader asks about.
 */
export const STRIPE_EVENT_BODY_RETENTION_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Rows cleared per statement: each is short, so a replay of one of them never waits long on it. */
const BATCH = 1000;

/**
 * The `prune-stripe-event-bodies` job (daily, graphile-worker's crontab): clears the body of every
 * received event applied (a `StripeEvent` row, with or without a problem) more than
 * STRIPE_EVENT_BODY_RETENTION_DAYS ago. The row stays: its id is what makes a replay of the event a
 * duplicate, and its type names it on /admin/jobs. An event not yet applied keeps its body, and
 * so does one whose own job failed (it waits on /admin/jobs for Retry). Returns the bodies cleared.
 */
export async function pruneStripeEventBodies(at: Date = now()): Promise<number> {
  const appliedBefore = new Date(at.getTime() - STRIPE_EVENT_BODY_RETENTION_DAYS * DAY_MS);
  let pruned = 0;
  // In id order, each batch after the last: the scan never passes the same rows twice.
  for (let after = ''; ;) {
    const [batch] = await db.$queryRaw<{ count: number; last: string | null }[]>`
      WITH due AS (
        SELECT r.id FROM "ReceivedStripeEvent" r JOIN "StripeEvent" s ON s.id = r.id
        WHERE r.id > ${after} AND r.body IS NOT NULL AND s."processedAt" < ${appliedBefore}
        ORDER BY r.id LIMIT ${BATCH}
      ), cleared AS (
        UPDATE "ReceivedStripeEvent" r SET body = NULL FROM due WHERE r.id = due.id RETURNING r.id
      )
      SELECT count(*)::int AS count, max(id) AS last FROM cleared`;
    pruned += batch?.count ?? 0;
    if (!batch?.last || batch.count < BATCH) return pruned;
    after = batch.last;
  }
}
