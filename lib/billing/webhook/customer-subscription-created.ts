import 'server-only';
import { convergeSubscription } from '../converge-subscription';
import type { Stripe } from '../stripe-client';

// customer.subscription.created – re-reads the subscription from Stripe and writes its current state.
export function onCustomerSubscriptionCreated(event: Stripe.CustomerSubscriptionCreatedEvent) {
  return convergeSubscription(event.data.object.id);
}
