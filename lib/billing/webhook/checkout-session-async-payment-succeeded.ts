import 'server-only';
import { prepareCheckoutFulfilment } from '../fulfil-checkout-session';
import type { Stripe } from '../stripe-client';

// checkout.session.async_payment_succeeded – a delayed payment (e.g. bank debit) cleared: grant now.
export function onCheckoutSessionAsyncPaymentSucceeded(event: Stripe.CheckoutSessionAsyncPaymentSucceededEvent) {
  return prepareCheckoutFulfilment(event.data.object);
}
