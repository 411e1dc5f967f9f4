import 'server-only';
import { endBillingOfReversedPayment } from '../end-reversed-billing';
import { revokePayment } from '../revoke-payment';
import type { Stripe } from '../stripe-client';
import type { ApplyEffect } from '../tx';

// charge.refunded – a full refund takes back the access the payment bought. A partial refund is a
// goodwill gesture and leaves access in place.
export async function onChargeRefunded(event: Stripe.ChargeRefundedEvent): Promise<ApplyEffect | null> {
  const charge = event.data.object;
  const paymentIntentId = typeof charge.payment_intent === 'string' ? charge.payment_intent : charge.payment_intent?.id;
  if (!charge.refunded || !paymentIntentId) return null;
  const reversal = {
    paymentIntentId,
    reason: `refund of charge ${charge.id}`,
    reversedAt: new Date(event.created * 1000),
  };
  await endBillingOfReversedPayment(paymentIntentId);
  return (tx) => revokePayment(tx, reversal);
}
