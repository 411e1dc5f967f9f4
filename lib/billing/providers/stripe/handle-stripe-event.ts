import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { batchCalls } from '@/lib/batch-calls';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { idOf, readStripeEvent, type BillingChange, type SubscriptionReads } from './read-stripe-event';
import type { Stripe } from './stripe-client';

/** 'unmatched': recorded without effect, since it names something this site does not have. */
export type EventOutcome = 'processed' | 'duplicate' | 'ignored' | 'unmatched';

/**
 * What the webhook answers: 'queued' when this delivery set the event's job going (the first one,
 * or a redelivery of an event whose applying failed), 'duplicate' when it is applied or on its way.
 */
export type ReceiptOutcome = 'queued' | 'duplicate' | 'ignored';

/**
 * The job that retries one event that failed when its object's events were applied is keyed by
 * the event, so /admin/jobs can show which it was.
 */
export const stripeEventJobKey = (eventId: string) => `stripe-event:${eventId}`;

/** The job that applies one Stripe object's received events, in order: one per object at a time. */
export const stripeObjectJobKey = (objectId: string) => `stripe-object:${objectId}`;

export const HANDLED_EVENT_TYPES: ReadonlySet<string> = new Set([
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'invoice.paid',
  'invoice.payment_failed',
  'charge.refunded',
  'charge.dispute.created',
]);

/**
 * The write needs a row this site does not have: a user, article or checkout session named by an
 * event (a foreign key, P2003). Retrying can never help, unlike a database or Stripe briefly away.
 */
const isUnmatchedReference = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2003';

/**
 * Whose events apply one at a time, in the order received (one job applies them together): a
 * customer's events (its checkout, subscription, invoices, charges) touch the same rows, so they
 * share one; so do a reader's Checkout Sessions without a customer (our user id, which we set as
 * client_reference_id); any other object without a customer is its own.
 */
function objectOf(event: Stripe.Event): string {
  const object = event.data.object as {
    id: string;
    customer?: string | { id: string } | null;
    client_reference_id?: string | null;
  };
  return idOf(object.customer) ?? object.client_reference_id ?? object.id;
}

type Receipt = { event: Stripe.Event; rawBody: string };

/**
 * Records verified events under their ids, with their bodies, in the order they arrived, and
 * queues one `apply-stripe-events` job per object they name (keyed by the object: a job already
 * waiting takes the new events too), in one statement: both or neither, and no interactive
 * transaction (on the embedded database one would hold its single session across round trips).
 * A redelivery changes nothing, except that an event whose own retry job failed is retried at
 * once, with its attempts back.
 */
async function receiveBatch(receipts: Receipt[]): Promise<ReceiptOutcome[]> {
  const ids = receipts.map((r) => r.event.id);
  // Data-modifying CTEs always run; the SELECT ones that call graphile-worker run because the
  // final SELECT counts their rows. add_jobs takes each key once per call (ON CONFLICT), hence
  // DISTINCT; no named queue: the drain orders an object's events (apply-received-stripe-events.ts).
  const rows = await db.$queryRaw<{ id: string; queued: boolean }[]>`
    WITH input AS (
      SELECT * FROM unnest(${ids}::text[], ${receipts.map((r) => r.event.type)}::text[],
                           ${receipts.map((r) => objectOf(r.event))}::text[], ${receipts.map((r) => r.rawBody)}::text[])
        WITH ORDINALITY AS i(id, type, object_id, body, arrival)
    ), received AS (
      INSERT INTO "ReceivedStripeEvent" ("id", "type", "objectId", "body")
      SELECT id, type, object_id, body FROM input ORDER BY arrival
      ON CONFLICT ("id") DO NOTHING
      RETURNING "id", "objectId"
    ), queued AS (
      SELECT graphile_worker.add_jobs(ARRAY(
        SELECT ROW('apply-stripe-events', json_build_object('objectId', o."objectId"), NULL, NULL,
                   ${env.STRIPE_EVENT_MAX_ATTEMPTS}::smallint, ${stripeObjectJobKey('')} || o."objectId", NULL, NULL
               )::graphile_worker.job_spec
        FROM (SELECT DISTINCT "objectId" FROM received) o)) AS job
    ), failed AS (
      SELECT j.id, j.key FROM graphile_worker.jobs j JOIN input i ON j.key = ${stripeEventJobKey('')} || i.id
      WHERE j.attempts > 0 AND j.locked_at IS NULL AND i.id NOT IN (SELECT id FROM received)
    ), retried AS (
      SELECT graphile_worker.reschedule_jobs(ARRAY(SELECT id FROM failed), run_at => now(), attempts => 0) AS job
      WHERE EXISTS (SELECT 1 FROM failed)
    )
    SELECT i.id, (i.id IN (SELECT id FROM received) OR ${stripeEventJobKey('')} || i.id IN (SELECT key FROM failed)) AS queued
    FROM input i, (SELECT count(*) FROM queued) q, (SELECT count(*) FROM retried) r`;
  const queued = new Map(rows.map((r) => [r.id, r.queued]));
  return ids.map((id) => (queued.get(id) ? 'queued' : 'duplicate'));
}

/**
 * Deliveries that arrive together are recorded in one statement (group commit): the embedded
 * database runs statements one after another, so 20 at once cost about what one does. One event's
 * deliveries never share a batch, so a redelivery sees the first one recorded.
 */
const receiveTogether = batchCalls<Receipt, ReceiptOutcome>({
  run: receiveBatch,
  keyOf: (receipt) => receipt.event.id,
});

/**
 * Records a verified event under its id and queues its object's `apply-stripe-events` job (the webhook
 * answers 2xx once this returns). Events we do not handle are not recorded: they are answered
 * 2xx and forgotten.
 */
export function receiveStripeEvent(event: Stripe.Event, rawBody: string): Promise<ReceiptOutcome> {
  if (!HANDLED_EVENT_TYPES.has(event.type)) return Promise.resolve('ignored');
  return receiveTogether({ event, rawBody });
}

/**
 * The worker's side (an `apply-stripe-events` job for each received event in turn, and the
 * `apply-stripe-event` job of one that failed there, whose payload is the event as received):
 * throws when it failed; the event's own job is retried with backoff, and after its last attempt
 * it waits on /admin/jobs with its error.
 */
export function applyStripeEvent(event: Stripe.Event): Promise<EventOutcome> {
  // Its signature was checked when it arrived: the job holds the body Stripe signed.
  return handleStripeEvent(event);
}

/**
 * Applies one verified Stripe event exactly once: the event id is recorded under its primary key
 * in the same transaction as the event's writes, so a redelivery (or a concurrent second delivery,
 * which waits on the key) changes nothing, and a failure records nothing, so Stripe's retry starts
 * clean. Throws on failure (the job is retried), except when the event names a user, article or
 * session we do not have: it is recorded with the problem for an admin to see. The success page fulfils through the same
 * change (stripe-provider.ts readCheckout), so whichever comes second finds the purchase there.
 */
export async function handleStripeEvent(event: Stripe.Event): Promise<EventOutcome> {
  if (!HANDLED_EVENT_TYPES.has(event.type)) return 'ignored';
  // Reads from Stripe first: no transaction waits on the network.
  return applyChange(event, await readStripeEvent(event));
}

// Deliveries queue for the database in bursts: wait rather than fail (Stripe would retry anyway).
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 15_000 };

/** Records the event and applies its change in one transaction (handleStripeEvent, after the read). */
async function applyChange(event: Stripe.Event, change: BillingChange | null): Promise<EventOutcome> {
  try {
    return await db.$transaction(async (tx) => {
      const first = await tx.stripeEvent.createMany({
        data: [{ id: event.id, type: event.type }],
        skipDuplicates: true,
      });
      if (!first.count) return 'duplicate';
      await change?.(tx);
      return 'processed';
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    if (!isUnmatchedReference(error)) throw error;
    const problem = 'It names a user, article or checkout session this site does not have; nothing was granted.';
    console.warn(`Stripe event ${event.id} (${event.type}): ${problem}`);
    // A redelivery finds the id recorded and changes nothing, as for any event seen before.
    await db.stripeEvent.createMany({ data: [{ id: event.id, type: event.type, problem }], skipDuplicates: true });
    return 'unmatched';
  }
}

export type FailedEvent = { event: Stripe.Event; error: unknown };

/**
 * handleStripeEvent for several received events of one Stripe object, in order (the drain's
 * batch): their Stripe reads at once (one per subscription), then their writes in one transaction, each event still
 * recorded under its id with its writes. Should any write fail, that transaction rolls back and
 * they apply one at a time, so each fails (or is recorded as unmatched) alone. Returns the events
 * that failed, with their errors, for retrying on their own.
 */
export async function applyStripeEventsTogether(events: Stripe.Event[]): Promise<FailedEvent[]> {
  const handled = events.filter((event) => HANDLED_EVENT_TYPES.has(event.type));
  // Received before any of them is read: one read of a subscription serves them all.
  const subscriptionReads: SubscriptionReads = new Map();
  const reads = await Promise.allSettled(handled.map((event) => readStripeEvent(event, subscriptionReads)));
  const failed: FailedEvent[] = [];
  const ready: { event: Stripe.Event; change: BillingChange | null }[] = [];
  handled.forEach((event, i) => {
    const read = reads[i]!;
    if (read.status === 'fulfilled') ready.push({ event, change: read.value });
    else failed.push({ event, error: read.reason });
  });
  if (ready.length > 1) {
    try {
      await db.$transaction(async (tx) => {
        const first = await tx.stripeEvent.createManyAndReturn({
          data: ready.map(({ event }) => ({ id: event.id, type: event.type })),
          skipDuplicates: true,
          select: { id: true },
        });
        const isFirst = new Set(first.map((e) => e.id));
        for (const { event, change } of ready) if (isFirst.has(event.id)) await change?.(tx);
      }, TRANSACTION_OPTIONS);
      return failed;
    } catch {
      // One of them failed: each on its own below, where its error (or its problem) is its own.
    }
  }
  for (const { event, change } of ready) {
    try {
      await applyChange(event, change);
    } catch (error) {
      failed.push({ event, error });
    }
  }
  return failed;
}

/** The newest events that could not be applied, for the admin console. */
export function listUnmatchedStripeEvents(limit = 20) {
  return db.stripeEvent.findMany({
    where: { problem: { not: null } },
    orderBy: { processedAt: 'desc' },
    take: limit,
  });
}
