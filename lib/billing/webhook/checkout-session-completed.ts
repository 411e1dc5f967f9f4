import 'server-only';
import { prepareCheckoutFulfilment } from '../fulfil-checkout-session';
import type { Stripe } from '../stripe-client';

// checkout.session.completed – grants what was bought (unless an async payment is still pending).
export function onCheckoutSessionCompleted(event: Stripe.CheckoutSessionCompletedEvent) {
  return prepareCheckoutFulfilment(event.data.object);
}
