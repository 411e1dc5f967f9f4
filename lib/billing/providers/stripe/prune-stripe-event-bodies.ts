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
  // The events that still have a body (the last 30 days', and those not applied), in id order,
  // each batch after the last: the scan never passes the same rows twice, nor the pruned ones.
  for (let after = ''; ;) {
    const withBody = await db.receivedStripeEvent.findMany({
      where: { id: { gt: after }, body: { not: null } },
      select: { id: true },
      orderBy: { id: 'asc' },
      take: BATCH,
    });
    const applied = await db.stripeEvent.findMany({
      where: { id: { in: withBody.map((event) => event.id) }, processedAt: { lt: appliedBefore } },
      select: { id: true },
    });
    if (applied.length > 0) {
      const { count } = await db.receivedStripeEvent.updateMany({
        where: { id: { in: applied.map((event) => event.id) } },
        data: { body: null },
      });
      pruned += count;
    }
    const last = withBody.at(-1);
    if (!last || withBody.length < BATCH) return pruned;
    after = last.id;
  }
}
