import 'server-only';
import { recordInvoice } from '../record-invoice';
import type { Stripe } from '../stripe-client';

// invoice.payment_failed – records the open invoice; the subscription converges (past_due, then
// canceled or unpaid as Stripe's retry settings decide).
export function onInvoicePaymentFailed(event: Stripe.InvoicePaymentFailedEvent) {
  return recordInvoice(event.data.object);
}
