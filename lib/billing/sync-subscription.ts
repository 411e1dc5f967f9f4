import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Tx } from './tx';

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

/**
 * Writes a subscription as its provider reported it at `readAt`. Convergent: a snapshot read
 * before one already written is skipped (StripeSubscriptionSync), so concurrent or reordered
 * deliveries end on the newest state. Revocation is never undone; a reversed payment of one of its
 * invoices that is already known revokes a subscription seen for the first time. A subscription of
 * a customer we never created is skipped. One statement: webhook deliveries stay short on a busy (or embedded) database.
 */
export async function syncSubscription(tx: Tx, snapshot: SubscriptionSnapshot, readAt: Date): Promise<void> {
  const id = snapshot.stripeSubscriptionId;
  await tx.$executeRaw`
    WITH fresh AS (
      INSERT INTO "StripeSubscriptionSync" ("stripeSubscriptionId", "readAt") VALUES (${id}, ${readAt})
      ON CONFLICT ("stripeSubscriptionId") DO UPDATE SET "readAt" = EXCLUDED."readAt"
      WHERE "StripeSubscriptionSync"."readAt" <= EXCLUDED."readAt"
      RETURNING 1
    ), owner AS (
      SELECT COALESCE(${snapshot.userId}::text,
        (SELECT "userId" FROM "BillingCustomer" WHERE "stripeCustomerId" = ${snapshot.stripeCustomerId}::text)) AS "userId"
    ), reversal AS (
      SELECT r."reversedAt", r."reason" FROM "PaymentReversal" r
      JOIN "BillingInvoice" i ON i."stripePaymentIntentId" = r."stripePaymentIntentId"
      WHERE i."stripeSubscriptionId" = ${id} ORDER BY r."reversedAt" LIMIT 1
    )
    INSERT INTO "Subscription" ("id", "userId", "plan", "status", "source", "startsAt", "currentPeriodEnd", "cancelAtPeriodEnd",
      "revokedAt", "revokedReason", "stripeSubscriptionId", "createdAt", "updatedAt")
    SELECT ${randomUUID()}, owner."userId", ${snapshot.plan}, ${snapshot.status}, 'payment'::"EntitlementSource",
      ${snapshot.startsAt}, ${snapshot.currentPeriodEnd}, ${snapshot.cancelAtPeriodEnd},
      (SELECT "reversedAt" FROM reversal), (SELECT "reason" FROM reversal), ${id}, now(), now()
    FROM fresh, owner WHERE owner."userId" IS NOT NULL
    ON CONFLICT ("stripeSubscriptionId") DO UPDATE SET
      "plan" = EXCLUDED."plan", "status" = EXCLUDED."status", "startsAt" = EXCLUDED."startsAt",
      "currentPeriodEnd" = EXCLUDED."currentPeriodEnd", "cancelAtPeriodEnd" = EXCLUDED."cancelAtPeriodEnd",
      "revokedAt" = COALESCE("Subscription"."revokedAt", EXCLUDED."revokedAt"),
      "revokedReason" = COALESCE("Subscription"."revokedReason", EXCLUDED."revokedReason"),
      "updatedAt" = now()`;
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
