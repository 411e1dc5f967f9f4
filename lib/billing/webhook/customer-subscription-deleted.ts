import 'server-only';
import { convergeSubscription } from '../converge-subscription';
import type { Stripe } from '../stripe-client';

// customer.subscription.deleted – re-reads the subscription from Stripe and writes its current state.
export function onCustomerSubscriptionDeleted(event: Stripe.CustomerSubscriptionDeletedEvent) {
  return convergeSubscription(event.data.object.id);
}
