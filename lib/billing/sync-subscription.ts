import 'server-only';
import type { Tx } from './tx';

export type SubscriptionSnapshot = {
  stripeSubscriptionId: string;
  userId: string;
  plan: string;
  /** Stripe's vocabulary: active, trialing, past_due, canceled, unpaid, … */
  status: string;
  startsAt: Date;
  currentPeriodEnd: Date;
  cancelAtPeriodEnd: boolean;
};

/**
 * Writes a subscription as its provider last reported it (convergent: the same snapshot twice
 * changes nothing). Revocation is never undone here; a reversed payment of one of its invoices
 * that is already known revokes a subscription seen for the first time.
 */
export async function syncSubscription(tx: Tx, snapshot: SubscriptionSnapshot): Promise<void> {
  const state = {
    plan: snapshot.plan,
    status: snapshot.status,
    startsAt: snapshot.startsAt,
    currentPeriodEnd: snapshot.currentPeriodEnd,
    cancelAtPeriodEnd: snapshot.cancelAtPeriodEnd,
  };
  await tx.subscription.upsert({
    where: { stripeSubscriptionId: snapshot.stripeSubscriptionId },
    create: { ...state, userId: snapshot.userId, source: 'payment', stripeSubscriptionId: snapshot.stripeSubscriptionId },
    update: state,
  });
  const reversal = await findReversalOfSubscription(tx, snapshot.stripeSubscriptionId);
  if (reversal) await revokeSubscription(tx, snapshot.stripeSubscriptionId, reversal);
}

async function findReversalOfSubscription(tx: Tx, stripeSubscriptionId: string) {
  const invoices = await tx.billingInvoice.findMany({
    where: { stripeSubscriptionId, stripePaymentIntentId: { not: null } },
    select: { stripePaymentIntentId: true },
  });
  const ids = invoices.flatMap((i) => (i.stripePaymentIntentId ? [i.stripePaymentIntentId] : []));
  if (ids.length === 0) return null;
  return tx.paymentReversal.findFirst({ where: { stripePaymentIntentId: { in: ids } }, orderBy: { reversedAt: 'asc' } });
}

/** Takes access away from a subscription once; the first reason stays. */
export async function revokeSubscription(tx: Tx, stripeSubscriptionId: string, reversal: { reason: string; reversedAt: Date }) {
  await tx.subscription.updateMany({
    where: { stripeSubscriptionId, revokedAt: null },
    data: { revokedAt: reversal.reversedAt, revokedReason: reversal.reason },
  });
}
