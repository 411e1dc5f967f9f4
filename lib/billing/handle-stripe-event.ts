import 'server-only';
import { db } from '@/lib/db';
import { applyOnce, type EventOutcome } from './apply-once';
import { isUnmatchedReference } from './is-unmatched-reference';
import type { Stripe } from './stripe-client';
import type { Effect } from './tx';
import { onChargeDisputeCreated } from './webhook/charge-dispute-created';
import { onChargeRefunded } from './webhook/charge-refunded';
import { onCheckoutSessionAsyncPaymentFailed } from './webhook/checkout-session-async-payment-failed';
import { onCheckoutSessionAsyncPaymentSucceeded } from './webhook/checkout-session-async-payment-succeeded';
import { onCheckoutSessionCompleted } from './webhook/checkout-session-completed';
import { onCustomerSubscriptionCreated } from './webhook/customer-subscription-created';
import { onCustomerSubscriptionDeleted } from './webhook/customer-subscription-deleted';
import { onCustomerSubscriptionUpdated } from './webhook/customer-subscription-updated';
import { onInvoicePaid } from './webhook/invoice-paid';
import { onInvoicePaymentFailed } from './webhook/invoice-payment-failed';

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

/** Each handler talks to Stripe first and returns the database writes: one statement, or a transaction. */
function prepareEffect(event: Stripe.Event): Promise<Effect | null> {
  switch (event.type) {
    case 'checkout.session.completed':
      return onCheckoutSessionCompleted(event);
    case 'checkout.session.async_payment_succeeded':
      return onCheckoutSessionAsyncPaymentSucceeded(event);
    case 'checkout.session.async_payment_failed':
      return onCheckoutSessionAsyncPaymentFailed(event);
    case 'customer.subscription.created':
      return onCustomerSubscriptionCreated(event);
    case 'customer.subscription.updated':
      return onCustomerSubscriptionUpdated(event);
    case 'customer.subscription.deleted':
      return onCustomerSubscriptionDeleted(event);
    case 'invoice.paid':
      return onInvoicePaid(event);
    case 'invoice.payment_failed':
      return onInvoicePaymentFailed(event);
    case 'charge.refunded':
      return onChargeRefunded(event);
    case 'charge.dispute.created':
      return onChargeDisputeCreated(event);
    default:
      return Promise.resolve(null);
  }
}

/**
 * Applies a verified Stripe event exactly once. Throws on failure (the route answers 5xx so Stripe
 * retries), except when the event names a user, article or session we do not have: retries would
 * never help, so it is recorded with the problem for an admin to see, and answered 2xx.
 */
export async function handleStripeEvent(event: Stripe.Event): Promise<EventOutcome> {
  if (!HANDLED_EVENT_TYPES.has(event.type)) return 'ignored';
  try {
    // No "seen it?" query first: it would cost every delivery a round trip to save a rare redelivery
    // one re-read from Stripe, which is harmless (convergent).
    return await applyOnce(event, await prepareEffect(event));
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
