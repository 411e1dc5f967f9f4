import 'server-only';
import type { Stripe } from '../stripe-client';
import type { ApplyEffect } from '../tx';

// checkout.session.async_payment_failed – the delayed payment failed: nothing was granted, so
// nothing changes. Handled (and recorded) so the event is answered 2xx once.
export function onCheckoutSessionAsyncPaymentFailed(
  event: Stripe.CheckoutSessionAsyncPaymentFailedEvent,
): Promise<ApplyEffect | null> {
  console.info(`Checkout Session ${event.data.object.id}: the delayed payment failed; no access granted.`);
  return Promise.resolve(null);
}
