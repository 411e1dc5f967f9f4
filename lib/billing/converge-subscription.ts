import 'server-only';
import { subscriptionOwnerSchema } from './checkout-metadata';
import { planOfPrice } from './plans';
import { idOf } from './id-of';
import { getStripe, type Stripe } from './stripe-client';
import { subscriptionSyncEffect, type SubscriptionSnapshot } from './sync-subscription';
import type { OneStatementEffect } from './tx';

/**
 * Webhooks are triggers, not truth: whatever event mentions a subscription, its current state is
 * re-read from Stripe and written, stamped with when it was read, so deliveries in any order and
 * concurrency converge on the newest state.
 */
export async function convergeSubscription(
  stripeSubscriptionId: string,
  paidBy: string | null = null,
): Promise<OneStatementEffect | null> {
  const readAt = new Date();
  const subscription = await getStripe().subscriptions.retrieve(stripeSubscriptionId);
  const snapshot = snapshotOfSubscription(subscription);
  if (!snapshot) {
    console.warn(`Stripe subscription ${stripeSubscriptionId} has no items; ignored.`);
    return null;
  }
  return subscriptionSyncEffect(snapshot, readAt, paidBy);
}

function snapshotOfSubscription(subscription: Stripe.Subscription): SubscriptionSnapshot | null {
  const item = subscription.items.data[0];
  if (!item) return null;
  const owner = subscriptionOwnerSchema.safeParse(subscription.metadata);
  return {
    stripeSubscriptionId: subscription.id,
    userId: owner.success ? owner.data.userId : null,
    stripeCustomerId: idOf(subscription.customer),
    plan: planOfPrice(item.price.id),
    status: subscription.status,
    startsAt: new Date(subscription.start_date * 1000),
    currentPeriodEnd: new Date(item.current_period_end * 1000),
    cancelAtPeriodEnd: subscription.cancel_at_period_end || subscription.cancel_at !== null,
  };
}
