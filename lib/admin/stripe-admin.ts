import 'server-only';
import { getStripe } from '@/lib/billing/stripe-client';
import { isBilledInStripe } from '@/lib/billing/local/complete-local-checkout';

/** Cancels in Stripe (now, or at period end); Stripe's webhook then converges our copy too. */
export async function cancelStripeSubscription(
  stripeSubscriptionId: string,
  when: 'now' | 'period_end',
): Promise<void> {
  if (!isBilledInStripe(stripeSubscriptionId)) return;
  const stripe = getStripe();
  if (when === 'now')
    await stripe.subscriptions.cancel(stripeSubscriptionId, undefined, {
      idempotencyKey: `admin-cancel-${stripeSubscriptionId}`,
    });
  else await stripe.subscriptions.update(stripeSubscriptionId, { cancel_at_period_end: true });
}

/** Refunds a payment in Stripe (idempotent: a second click refunds nothing more). */
export async function refundStripePayment(paymentIntentId: string): Promise<void> {
  if (!isBilledInStripe(paymentIntentId)) return;
  await getStripe().refunds.create(
    { payment_intent: paymentIntentId },
    { idempotencyKey: `admin-refund-${paymentIntentId}` },
  );
}
