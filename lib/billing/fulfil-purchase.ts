import 'server-only';
import { randomUUID } from 'node:crypto';
import { Prisma } from '@/generated/prisma/client';
import type { OneStatementEffect } from './tx';

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
 * second run (webhook and success page, or a redelivery) inserts nothing. A refund or dispute
 * that arrived first (events come out of order) makes the purchase start out revoked.
 */
export function purchaseEffect(input: PurchaseInput): OneStatementEffect {
  const expiresAt = new Date(input.confirmedAt.getTime() + PURCHASE_DURATION_MS);
  return {
    key: `purchase:${input.checkoutSessionId}`,
    ctes: ({ proceed, own }) => Prisma.sql`${own('purchase')} AS (
      INSERT INTO "ArticlePurchase" ("id", "userId", "articleId", "confirmedAt", "expiresAt", "amountCents", "currency",
        "stripeCheckoutSessionId", "stripePaymentIntentId", "revokedAt", "revokedReason", "createdAt")
      SELECT ${randomUUID()}, ${input.userId}, ${input.articleId}, ${input.confirmedAt}, ${expiresAt}, ${input.amountCents},
        ${input.currency}, ${input.checkoutSessionId}, ${input.paymentIntentId}, r."reversedAt", r."reason", now()
      FROM ${proceed}
      LEFT JOIN "PaymentReversal" r ON r."stripePaymentIntentId" = ${input.paymentIntentId}
      ON CONFLICT ("stripeCheckoutSessionId") DO NOTHING
    )`,
  };
}
