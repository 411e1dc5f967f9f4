import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Tx } from './tx';

export const PURCHASE_DURATION_MS = 24 * 3600_000;

export type PurchaseInput = {
  checkoutSessionId: string;
  userId: string;
  articleId: string;
  amountCents: number;
  currency: string;
  paymentIntentId: string | null;
  confirmedAt: Date;
};

/**
 * Grants 24-hour access for one paid checkout. Idempotent: the checkout session id is unique, so a
 * second call (webhook and success page, or a redelivery) inserts nothing. A refund or dispute
 * that arrived first (events come out of order) makes the purchase start out revoked.
 * One statement: webhook deliveries stay short on a busy (or embedded) database.
 */
export async function fulfilPurchase(tx: Tx, input: PurchaseInput): Promise<void> {
  const expiresAt = new Date(input.confirmedAt.getTime() + PURCHASE_DURATION_MS);
  await tx.$executeRaw`
    INSERT INTO "ArticlePurchase" ("id", "userId", "articleId", "confirmedAt", "expiresAt", "amountCents", "currency",
      "stripeCheckoutSessionId", "stripePaymentIntentId", "revokedAt", "revokedReason", "createdAt")
    SELECT ${randomUUID()}, ${input.userId}, ${input.articleId}, ${input.confirmedAt}, ${expiresAt}, ${input.amountCents},
      ${input.currency}, ${input.checkoutSessionId}, ${input.paymentIntentId}, r."reversedAt", r."reason", now()
    FROM (SELECT 1) AS one
    LEFT JOIN "PaymentReversal" r ON r."stripePaymentIntentId" = ${input.paymentIntentId}
    ON CONFLICT ("stripeCheckoutSessionId") DO NOTHING`;
}
