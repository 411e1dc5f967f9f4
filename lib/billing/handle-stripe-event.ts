import 'server-only';
import { batchCalls } from '@/lib/batch-calls';
import { db } from '@/lib/db';
import type { Stripe } from './stripe-client';
import type { ApplyEffect } from './tx';
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

export type EventOutcome = 'processed' | 'duplicate' | 'ignored';

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

/** Each handler talks to Stripe first and returns the database writes to run in one transaction. */
function prepareEffect(event: Stripe.Event): Promise<ApplyEffect | null> {
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

type PreparedEvent = { event: Stripe.Event; apply: ApplyEffect | null };

/**
 * Records the events and applies the effects of those seen for the first time, in one
 * transaction. Each event id goes in under its primary key with its effect: a redelivery finds it
 * and does nothing; a concurrent second delivery waits on the key and then does nothing; a failure
 * rolls both back, so Stripe's retry starts clean.
 */
function applyOnce(prepared: PreparedEvent[]): Promise<EventOutcome[]> {
  return db.$transaction(
    async (tx) => {
      const firstSeen = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "StripeEvent" ("id", "type")
        SELECT * FROM unnest(${prepared.map((p) => p.event.id)}::text[], ${prepared.map((p) => p.event.type)}::text[])
        ON CONFLICT ("id") DO NOTHING RETURNING "id"`;
      const isFirst = new Set(firstSeen.map((row) => row.id));
      for (const { event, apply } of prepared) if (isFirst.has(event.id)) await apply?.(tx);
      return prepared.map(({ event }) => (isFirst.has(event.id) ? 'processed' : 'duplicate'));
    },
    // Deliveries queue for the database in bursts: wait rather than fail (Stripe would retry anyway).
    { maxWait: 15_000, timeout: 15_000 },
  );
}

/**
 * Deliveries arriving together share one transaction (group commit, lib/batch-calls.ts): a burst
 * costs a few round trips per event instead of four. A failed batch is retried event by event, so
 * one bad event fails (and is retried by Stripe) alone.
 */
const applyOnceTogether = batchCalls({ run: applyOnce, keyOf: (p: PreparedEvent) => p.event.id });

/**
 * Applies a verified Stripe event exactly once. Throws on failure (the route answers 5xx so Stripe
 * retries).
 */
export async function handleStripeEvent(event: Stripe.Event): Promise<EventOutcome> {
  if (!HANDLED_EVENT_TYPES.has(event.type)) return 'ignored';
  // No "seen it?" query first: it would cost every delivery a round trip to save a rare redelivery
  // one re-read from Stripe, which is harmless (convergent).
  const apply = await prepareEffect(event);
  return applyOnceTogether({ event, apply });
}
