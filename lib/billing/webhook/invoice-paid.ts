import 'server-only';
import { recordInvoice } from '../record-invoice';
import type { Stripe } from '../stripe-client';

// invoice.paid – records the invoice and moves the subscription's period on.
export function onInvoicePaid(event: Stripe.InvoicePaidEvent) {
  return recordInvoice(event.data.object);
}
