import 'server-only';
import { convergeSubscription } from '../converge-subscription';
import type { Stripe } from '../stripe-client';

// customer.subscription.updated – re-reads the subscription from Stripe and writes its current state.
export function onCustomerSubscriptionUpdated(event: Stripe.CustomerSubscriptionUpdatedEvent) {
  return convergeSubscription(event.data.object.id);
}
