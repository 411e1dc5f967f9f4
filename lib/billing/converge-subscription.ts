import 'server-only';
import { db } from '@/lib/db';
import { subscriptionOwnerSchema } from './checkout-metadata';
import { planOfPrice } from './plans';
import { getStripe, type Stripe } from './stripe-client';
import { syncSubscription, type SubscriptionSnapshot } from './sync-subscription';
import type { ApplyEffect } from './tx';

const noEffect: ApplyEffect = () => Promise.resolve();

/**
 * Webhooks are triggers, not truth: whatever event mentions a subscription, its current state is
 * re-read from Stripe and written. A slower handler holding an older read never overwrites a newer
 * one (StripeSubscriptionSync), so deliveries in any order and concurrency converge.
 */
export async function convergeSubscription(stripeSubscriptionId: string): Promise<ApplyEffect> {
  const readAt = new Date();
  const subscription = await getStripe().subscriptions.retrieve(stripeSubscriptionId);
  const snapshot = await snapshotOfSubscription(subscription);
  if (!snapshot) {
    console.warn(`Stripe subscription ${stripeSubscriptionId} belongs to no user of ours; ignored.`);
    return noEffect;
  }
  return async (tx) => {
    const isNewest = await tx.$executeRaw`
      INSERT INTO "StripeSubscriptionSync" ("stripeSubscriptionId", "readAt") VALUES (${stripeSubscriptionId}, ${readAt})
      ON CONFLICT ("stripeSubscriptionId") DO UPDATE SET "readAt" = EXCLUDED."readAt"
      WHERE "StripeSubscriptionSync"."readAt" <= EXCLUDED."readAt"`;
    if (isNewest) await syncSubscription(tx, snapshot);
  };
}

async function snapshotOfSubscription(subscription: Stripe.Subscription): Promise<SubscriptionSnapshot | null> {
  const userId = await findOwner(subscription);
  const item = subscription.items.data[0];
  if (!userId || !item) return null;
  return {
    stripeSubscriptionId: subscription.id,
    userId,
    plan: planOfPrice(item.price.id),
    status: subscription.status,
    startsAt: new Date(subscription.start_date * 1000),
    currentPeriodEnd: new Date(item.current_period_end * 1000),
    cancelAtPeriodEnd: subscription.cancel_at_period_end || subscription.cancel_at !== null,
  };
}

async function findOwner(subscription: Stripe.Subscription): Promise<string | null> {
  const fromMetadata = subscriptionOwnerSchema.safeParse(subscription.metadata);
  if (fromMetadata.success) return fromMetadata.data.userId;
  return findUserOfCustomer(subscription.customer);
}

/** Our user for a Stripe customer (id or object), or null for a customer we never created. */
export async function findUserOfCustomer(customer: string | { id: string } | null): Promise<string | null> {
  if (!customer) return null;
  const id = typeof customer === 'string' ? customer : customer.id;
  const row = await db.billingCustomer.findUnique({ where: { stripeCustomerId: id }, select: { userId: true } });
  return row?.userId ?? null;
}
