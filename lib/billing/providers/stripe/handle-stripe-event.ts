import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { idOf, readStripeEvent } from './read-stripe-event';
import type { Stripe } from './stripe-client';

/** 'unmatched': recorded without effect, since it names something this site does not have. */
export type EventOutcome = 'processed' | 'duplicate' | 'ignored' | 'unmatched';

/**
 * What the webhook answers: 'queued' when this delivery set the event's job going (the first one,
 * or a redelivery of an event whose applying failed), 'duplicate' when it is applied or on its way.
 */
export type ReceiptOutcome = 'queued' | 'duplicate' | 'ignored';

/** The job that applies a received event is keyed by it, so /admin/jobs can show which it was. */
export const stripeEventJobKey = (eventId: string) => `stripe-event:${eventId}`;

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
 * The queue an event's job runs in: jobs of one queue run one at a time, in the order added. A
 * customer's events (its checkout, subscription, invoices, charges) touch the same rows, so they
 * share one; an object without a customer has its own.
 */
function queueOf(event: Stripe.Event): string {
  const object = event.data.object as { id: string; customer?: string | { id: string } | null };
  return `stripe:${idOf(object.customer) ?? object.id}`;
}

/**
 * Records a verified event under its id and queues its `apply-stripe-event` job, in one statement
 * (both or neither, and no interactive transaction: on the embedded database one would hold its
 * single session across round trips). A redelivery changes nothing, except that an event whose
 * applying failed is retried at once, with its attempts back. Events we do not handle are not
 * recorded: they are answered 2xx and forgotten.
 */
export async function receiveStripeEvent(event: Stripe.Event, rawBody: string): Promise<ReceiptOutcome> {
  if (!HANDLED_EVENT_TYPES.has(event.type)) return 'ignored';
  const key = stripeEventJobKey(event.id);
  // Data-modifying CTEs always run; the SELECT ones that call graphile-worker run because the
  // final SELECT reads them.
  const [row] = await db.$queryRaw<{ queued: number; retried: number }[]>`
    WITH received AS (
      INSERT INTO "ReceivedStripeEvent" ("id", "type", "objectId", "payload")
      VALUES (${event.id}, ${event.type}, ${queueOf(event).slice('stripe:'.length)}, ${rawBody})
      ON CONFLICT ("id") DO NOTHING
      RETURNING "id", "objectId"
    ), queued AS (
      SELECT graphile_worker.add_job('apply-stripe-event', json_build_object('eventId', r."id"),
               queue_name => 'stripe:' || r."objectId", max_attempts => ${env.STRIPE_EVENT_MAX_ATTEMPTS}::int,
               job_key => ${key}) AS job
      FROM received r
    ), failed AS (
      SELECT j.id FROM graphile_worker.jobs j
      WHERE j.key = ${key} AND j.attempts > 0 AND j.locked_at IS NULL AND NOT EXISTS (SELECT 1 FROM received)
    ), retried AS (
      SELECT graphile_worker.reschedule_jobs(ARRAY(SELECT id FROM failed), run_at => now(), attempts => 0) AS job
      WHERE EXISTS (SELECT 1 FROM failed)
    )
    SELECT (SELECT count(*) FROM queued)::int AS queued, (SELECT count(*) FROM retried)::int AS retried`;
  return row && row.queued + row.retried > 0 ? 'queued' : 'duplicate';
}

/**
 * The worker's side (the `apply-stripe-event` job): applies a received event. Throws when it
 * failed, and the job is retried with backoff; after its last attempt it waits on /admin/jobs.
 */
export async function applyStripeEvent(eventId: string): Promise<EventOutcome> {
  const received = await db.receivedStripeEvent.findUnique({ where: { id: eventId } });
  if (!received) throw new Error(`No received Stripe event ${eventId}.`);
  // Its signature was checked when it arrived; the body is the one Stripe signed.
  return handleStripeEvent(JSON.parse(received.payload) as Stripe.Event);
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
  try {
    // Reads from Stripe first: no transaction waits on the network.
    const change = await readStripeEvent(event);
    return await db.$transaction(
      async (tx) => {
        const first = await tx.stripeEvent.createMany({
          data: [{ id: event.id, type: event.type }],
          skipDuplicates: true,
        });
        if (!first.count) return 'duplicate';
        await change?.(tx);
        return 'processed';
      },
      // Deliveries queue for the database in bursts: wait rather than fail (Stripe would retry anyway).
      { maxWait: 15_000, timeout: 15_000 },
    );
  } catch (error) {
    if (!isUnmatchedReference(error)) throw error;
    const problem = 'It names a user, article or checkout session this site does not have; nothing was granted.';
    console.warn(`Stripe event ${event.id} (${event.type}): ${problem}`);
    // A redelivery finds the id recorded and changes nothing, as for any event seen before.
    await db.stripeEvent.createMany({ data: [{ id: event.id, type: event.type, problem }], skipDuplicates: true });
    return 'unmatched';
  }
}

/** The newest events that could not be applied, for the admin console. */
export function listUnmatchedStripeEvents(limit = 20) {
  return db.stripeEvent.findMany({
    where: { problem: { not: null } },
    orderBy: { processedAt: 'desc' },
    take: limit,
  });
}
