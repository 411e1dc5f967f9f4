import 'server-only';
import { randomUUID } from 'node:crypto';
import { Prisma } from '@/generated/prisma/client';
import type { OneStatementEffect, Tx } from './tx';

export type SubscriptionSnapshot = {
  stripeSubscriptionId: string;
  /** Our user when the provider names it (metadata); otherwise found from the Stripe customer. */
  userId: string | null;
  stripeCustomerId: string | null;
  plan: string;
  /** Stripe's vocabulary: active, trialing, past_due, canceled, unpaid, … */
  status: string;
  startsAt: Date;
  currentPeriodEnd: Date;
  cancelAtPeriodEnd: boolean;
};

/** The batching key of effects that write the subscription's row (see OneStatementEffect). */
export const subscriptionKey = (stripeSubscriptionId: string) => `subscription:${stripeSubscriptionId}`;

/**
 * Writes a subscription as its provider reported it at `readAt`. Convergent: a snapshot read
 * before one already written is skipped (StripeSubscriptionSync), so concurrent or reordered
 * deliveries end on the newest state. Revocation is never undone; a reversed payment of one of its
 * invoices that is already known (or of `paidBy`, the invoice being recorded in the same statement)
 * revokes a subscription seen for the first time. A subscription of a customer we never created is
 * skipped. Its `synced` CTE returns a row when the subscription was written.
 */
export function subscriptionSyncEffect(
  snapshot: SubscriptionSnapshot,
  readAt: Date,
  paidBy: string | null = null,
): OneStatementEffect {
  const id = snapshot.stripeSubscriptionId;
  return {
    key: subscriptionKey(id),
    ctes: ({ proceed, own }) => Prisma.sql`${own('fresh')} AS (
      INSERT INTO "StripeSubscriptionSync" ("stripeSubscriptionId", "readAt") SELECT ${id}, ${readAt} FROM ${proceed}
      ON CONFLICT ("stripeSubscriptionId") DO UPDATE SET "readAt" = EXCLUDED."readAt"
      WHERE "StripeSubscriptionSync"."readAt" <= EXCLUDED."readAt"
      RETURNING 1
    ), ${own('owner')} AS (
      SELECT COALESCE(${snapshot.userId}::text,
        (SELECT "userId" FROM "BillingCustomer" WHERE "stripeCustomerId" = ${snapshot.stripeCustomerId}::text)) AS "userId"
    ), ${own('reversal')} AS (
      SELECT r."reversedAt", r."reason" FROM "PaymentReversal" r
      WHERE r."stripePaymentIntentId" = ${paidBy}::text OR r."stripePaymentIntentId" IN
        (SELECT "stripePaymentIntentId" FROM "BillingInvoice" WHERE "stripeSubscriptionId" = ${id})
      ORDER BY r."reversedAt" LIMIT 1
    ), ${own('synced')} AS (
      INSERT INTO "Subscription" ("id", "userId", "plan", "status", "source", "startsAt", "currentPeriodEnd", "cancelAtPeriodEnd",
        "revokedAt", "revokedReason", "stripeSubscriptionId", "createdAt", "updatedAt")
      SELECT ${randomUUID()}, owner."userId", ${snapshot.plan}, ${snapshot.status}, 'payment'::"EntitlementSource",
        ${snapshot.startsAt}, ${snapshot.currentPeriodEnd}, ${snapshot.cancelAtPeriodEnd},
        (SELECT "reversedAt" FROM ${own('reversal')}), (SELECT "reason" FROM ${own('reversal')}), ${id}, now(), now()
      FROM ${own('fresh')}, ${own('owner')} AS owner WHERE owner."userId" IS NOT NULL
      ON CONFLICT ("stripeSubscriptionId") DO UPDATE SET
        "plan" = EXCLUDED."plan", "status" = EXCLUDED."status", "startsAt" = EXCLUDED."startsAt",
        "currentPeriodEnd" = EXCLUDED."currentPeriodEnd", "cancelAtPeriodEnd" = EXCLUDED."cancelAtPeriodEnd",
        "revokedAt" = COALESCE("Subscription"."revokedAt", EXCLUDED."revokedAt"),
        "revokedReason" = COALESCE("Subscription"."revokedReason", EXCLUDED."revokedReason"),
        "updatedAt" = now()
      RETURNING 1
    )`,
  };
}

/** Takes access away from a subscription once; the first reason stays. */
export async function revokeSubscription(
  tx: Tx,
  stripeSubscriptionId: string,
  reversal: { reason: string; reversedAt: Date },
) {
  await tx.subscription.updateMany({
    where: { stripeSubscriptionId, revokedAt: null },
    data: { revokedAt: reversal.reversedAt, revokedReason: reversal.reason },
  });
}
