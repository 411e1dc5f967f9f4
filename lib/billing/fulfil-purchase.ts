import 'server-only';
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
 */
export async function fulfilPurchase(tx: Tx, input: PurchaseInput): Promise<void> {
  const reversal = input.paymentIntentId
    ? await tx.paymentReversal.findUnique({ where: { stripePaymentIntentId: input.paymentIntentId } })
    : null;
  await tx.articlePurchase.createMany({
    data: [
      {
        userId: input.userId,
        articleId: input.articleId,
        confirmedAt: input.confirmedAt,
        expiresAt: new Date(input.confirmedAt.getTime() + PURCHASE_DURATION_MS),
        amountCents: input.amountCents,
        currency: input.currency,
        stripeCheckoutSessionId: input.checkoutSessionId,
        stripePaymentIntentId: input.paymentIntentId,
        revokedAt: reversal?.reversedAt ?? null,
        revokedReason: reversal?.reason ?? null,
      },
    ],
    skipDuplicates: true,
  });
}
