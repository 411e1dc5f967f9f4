import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { db } from '@/lib/db';
import { readStripeEvent } from './read-stripe-event';
import type { Stripe } from './stripe-client';

/** 'unmatched': recorded without effect, since it names something this site does not have. */
export type EventOutcome = 'processed' | 'duplicate' | 'ignored' | 'unmatched';

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
 * Applies one verified Stripe event exactly once: the event id is recorded under its primary key
 * in the same transaction as the event's writes, so a redelivery (or a concurrent second delivery,
 * which waits on the key) changes nothing, and a failure records nothing, so Stripe's retry starts
 * clean. Throws on failure (the route answers 5xx), except when the event names a user, article or
 * session we do not have: it is recorded with the problem for an admin to see, and answered 2xx.
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
