import 'server-only';
import { revokeSubscription } from './sync-subscription';
import type { Tx } from './tx';

export type PaymentReversalInput = { paymentIntentId: string; reason: string; reversedAt: Date };

/**
 * A refund or dispute takes back what the payment bought: the 24-hour purchase, or the
 * subscription whose invoice it paid. The reversal is stored first, so a purchase or invoice that
 * is recorded later (out-of-order events) is revoked as it arrives. The first reason stays.
 */
export async function revokePayment(tx: Tx, input: PaymentReversalInput): Promise<void> {
  await tx.paymentReversal.createMany({
    data: [{ stripePaymentIntentId: input.paymentIntentId, reason: input.reason, reversedAt: input.reversedAt }],
    skipDuplicates: true,
  });
  const reversal = await tx.paymentReversal.findUniqueOrThrow({
    where: { stripePaymentIntentId: input.paymentIntentId },
  });
  await tx.articlePurchase.updateMany({
    where: { stripePaymentIntentId: input.paymentIntentId, revokedAt: null },
    data: { revokedAt: reversal.reversedAt, revokedReason: reversal.reason },
  });
  const invoice = await tx.billingInvoice.findUnique({ where: { stripePaymentIntentId: input.paymentIntentId } });
  if (invoice?.stripeSubscriptionId) await revokeSubscription(tx, invoice.stripeSubscriptionId, reversal);
}
