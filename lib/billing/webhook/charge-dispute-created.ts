import 'server-only';
import { endBillingOfReversedPayment } from '../end-reversed-billing';
import { revokePayment } from '../revoke-payment';
import type { Stripe } from '../stripe-client';
import type { ApplyEffect } from '../tx';

// charge.dispute.created – a chargeback takes back the access the payment bought, at once.
export async function onChargeDisputeCreated(event: Stripe.ChargeDisputeCreatedEvent): Promise<ApplyEffect | null> {
  const dispute = event.data.object;
  const paymentIntentId =
    typeof dispute.payment_intent === 'string' ? dispute.payment_intent : dispute.payment_intent?.id;
  if (!paymentIntentId) return null;
  const reversal = {
    paymentIntentId,
    reason: `dispute ${dispute.id} (${dispute.reason})`,
    reversedAt: new Date(event.created * 1000),
  };
  await endBillingOfReversedPayment(paymentIntentId);
  return (tx) => revokePayment(tx, reversal);
}
