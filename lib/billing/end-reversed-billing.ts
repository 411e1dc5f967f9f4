import 'server-only';
import { db } from '@/lib/db';
import { isBilledInStripe } from './local/complete-local-checkout';
import { getStripe } from './stripe-client';

const ENDED = new Set(['canceled', 'incomplete_expired']);

/**
 * A refunded or disputed subscription payment takes the reader's access away (revokePayment), so
 * Stripe must not charge them again: the subscription is cancelled in Stripe at once, and its
 * webhook then converges our copy. Safe to call again (an ended subscription is left alone).
 * Talks to Stripe: call it before the database transaction, never inside.
 */
export async function endBillingOfSubscription(stripeSubscriptionId: string): Promise<void> {
  if (!isBilledInStripe(stripeSubscriptionId)) return;
  const stripe = getStripe();
  const subscription = await stripe.subscriptions.retrieve(stripeSubscriptionId);
  if (ENDED.has(subscription.status)) return;
  await stripe.subscriptions.cancel(stripeSubscriptionId, undefined, {
    idempotencyKey: `reversal-cancel-${stripeSubscriptionId}`,
  });
}

/** The same for a reversed payment, when it paid a subscription invoice we know. */
export async function endBillingOfReversedPayment(paymentIntentId: string): Promise<void> {
  const invoice = await db.billingInvoice.findUnique({
    where: { stripePaymentIntentId: paymentIntentId },
    select: { stripeSubscriptionId: true },
  });
  if (invoice?.stripeSubscriptionId) await endBillingOfSubscription(invoice.stripeSubscriptionId);
}
