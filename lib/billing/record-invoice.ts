import 'server-only';
import { convergeSubscription, findUserOfCustomer } from './converge-subscription';
import { getStripe, type Stripe } from './stripe-client';
import { revokeSubscription } from './sync-subscription';
import type { ApplyEffect } from './tx';

function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value : value.id;
}

/** The payment intent that paid the invoice: a refund or dispute names only that. */
async function paymentIntentOf(invoice: Stripe.Invoice): Promise<string | null> {
  // `payments` is only in the payload when expanded: read it back from Stripe when missing.
  const payments = invoice.payments ?? (await getStripe().invoices.retrieve(invoice.id, { expand: ['payments'] })).payments;
  const payment = payments?.data.find((p) => p.payment.type === 'payment_intent');
  return idOf(payment?.payment.payment_intent);
}

/**
 * Records a subscription invoice (listed on the account page; ties later refunds to the
 * subscription) and converges the subscription it belongs to: a paid invoice moves the period on,
 * a failed one makes it past_due. A paid invoice is never set back to open by a late failure event.
 */
export async function recordInvoice(invoice: Stripe.Invoice): Promise<ApplyEffect | null> {
  const userId = await findUserOfCustomer(invoice.customer);
  if (!userId) {
    console.warn(`Stripe invoice ${invoice.id} belongs to no customer of ours; ignored.`);
    return null;
  }
  const subscriptionId = idOf(invoice.parent?.subscription_details?.subscription);
  const paymentIntentId = await paymentIntentOf(invoice);
  const converge = subscriptionId ? await convergeSubscription(subscriptionId) : null;
  const state = {
    status: invoice.status ?? 'open',
    amountCents: invoice.status === 'paid' ? invoice.amount_paid : invoice.amount_due,
    currency: invoice.currency,
    hostedInvoiceUrl: invoice.hosted_invoice_url ?? null,
    stripePaymentIntentId: paymentIntentId,
  };
  return async (tx) => {
    await tx.billingInvoice.createMany({
      data: [{ id: invoice.id, userId, stripeSubscriptionId: subscriptionId, issuedAt: new Date(invoice.created * 1000), ...state }],
      skipDuplicates: true,
    });
    await tx.billingInvoice.updateMany({ where: { id: invoice.id, status: { not: 'paid' } }, data: state });
    await converge?.(tx);
    const reversal = paymentIntentId ? await tx.paymentReversal.findUnique({ where: { stripePaymentIntentId: paymentIntentId } }) : null;
    if (reversal && subscriptionId) await revokeSubscription(tx, subscriptionId, reversal);
  };
}
