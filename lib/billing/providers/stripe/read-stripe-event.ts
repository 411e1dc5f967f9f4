import 'server-only';
import { now } from '@/lib/clock';
import { db } from '@/lib/db';
import {
  grantPurchase,
  recordInvoice,
  revokePayment,
  syncSubscription,
  type SubscriptionSnapshot,
  type Tx,
} from '@/lib/billing/ledger';
import { planOfPrice } from '@/lib/billing/plans';
import { checkoutMetadataSchema, subscriptionOwnerSchema, type CheckoutMetadata } from './checkout-metadata';
import { getStripe, type Stripe } from './stripe-client';

/** The database part of one event, run inside the transaction that records the event id. */
export type BillingChange = (tx: Tx) => Promise<void>;

const PAID = new Set(['paid', 'no_payment_required']);
const ENDED = new Set(['canceled', 'incomplete_expired']);

/** The id of a Stripe reference, which the API gives as an id or, when expanded, as the object. */
export function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value : value.id;
}

/** Our metadata on a Checkout Session, parsed; null for a session we did not create (or tampered). */
export function readCheckoutMetadata(session: Stripe.Checkout.Session): CheckoutMetadata | null {
  const parsed = checkoutMetadataSchema.safeParse(session.metadata);
  if (!parsed.success || parsed.data.userId !== session.client_reference_id) return null;
  return parsed.data;
}

/**
 * Webhooks are triggers, not truth: whatever mentions a subscription, its current state is
 * re-read from Stripe, stamped with when it was read, so deliveries in any order converge.
 */
async function readSubscription(subscriptionId: string, reads?: SubscriptionReads) {
  const shared = reads?.get(subscriptionId);
  if (shared) return shared;
  const read = readSubscriptionNow(subscriptionId);
  reads?.set(subscriptionId, read);
  return read;
}

async function readSubscriptionNow(subscriptionId: string) {
  const readAt = new Date();
  const subscription = await getStripe().subscriptions.retrieve(subscriptionId);
  const item = subscription.items.data[0];
  if (!item) {
    console.warn(`Stripe subscription ${subscriptionId} has no items; ignored.`);
    return null;
  }
  const owner = subscriptionOwnerSchema.safeParse(subscription.metadata);
  const snapshot: SubscriptionSnapshot = {
    provider: 'stripe',
    subscriptionId: subscription.id,
    userId: owner.success ? owner.data.userId : null,
    customerId: idOf(subscription.customer),
    plan: planOfPrice(item.price.id),
    status: subscription.status,
    startsAt: new Date(subscription.start_date * 1000),
    currentPeriodEnd: new Date(item.current_period_end * 1000),
    cancelAtPeriodEnd: subscription.cancel_at_period_end || subscription.cancel_at !== null,
  };
  return { snapshot, readAt };
}

/**
 * Subscription reads shared by events received before any of them was read (one drain batch):
 * one read after they all arrived is as current as one each. Never across batches: a read begun
 * before an event was sent can miss the change it reports.
 */
export type SubscriptionReads = Map<string, ReturnType<typeof readSubscriptionNow>>;

async function subscriptionChange(subscriptionId: string, reads?: SubscriptionReads): Promise<BillingChange | null> {
  const read = await readSubscription(subscriptionId, reads);
  return read && ((tx) => syncSubscription(tx, read.snapshot, read.readAt));
}

/**
 * What a completed Checkout Session grants: 24-hour access once paid (an async payment method
 * waits for async_payment_succeeded), or the subscription as Stripe now reports it. Shared by the
 * webhook and the success page.
 */
export function checkoutChange(
  session: Stripe.Checkout.Session,
  reads?: SubscriptionReads,
): Promise<BillingChange | null> {
  const metadata = readCheckoutMetadata(session);
  if (!metadata) {
    console.warn(`Checkout Session ${session.id} carries no valid metadata of ours; ignored.`);
    return Promise.resolve(null);
  }
  if (metadata.kind === 'subscription') {
    const subscriptionId = idOf(session.subscription);
    return subscriptionId ? subscriptionChange(subscriptionId, reads) : Promise.resolve(null);
  }
  if (!PAID.has(session.payment_status)) return Promise.resolve(null);
  const grant = {
    provider: 'stripe' as const,
    checkoutId: session.id,
    paymentId: idOf(session.payment_intent),
    userId: metadata.userId,
    articleId: metadata.articleId,
    amountCents: session.amount_total ?? 0,
    currency: session.currency ?? 'usd',
    confirmedAt: now(),
  };
  return Promise.resolve((tx) => grantPurchase(tx, grant));
}

/** The payment intent that paid the invoice: a refund or dispute names only that. */
async function paymentIntentOf(invoice: Stripe.Invoice): Promise<string | null> {
  // `payments` is only in the payload when expanded: read it back from Stripe when missing.
  const payments =
    invoice.payments ?? (await getStripe().invoices.retrieve(invoice.id, { expand: ['payments'] })).payments;
  return idOf(payments?.data.find((p) => p.payment.type === 'payment_intent')?.payment.payment_intent);
}

/**
 * A refunded or disputed subscription payment takes the reader's access away, so Stripe must not
 * charge them again: the subscription is cancelled in Stripe at once (its webhook then converges
 * our copy). Safe to call again: an ended subscription is left alone.
 */
export async function endStripeBilling(subscriptionId: string): Promise<void> {
  const stripe = getStripe();
  if (ENDED.has((await stripe.subscriptions.retrieve(subscriptionId)).status)) return;
  await stripe.subscriptions.cancel(subscriptionId, undefined, { idempotencyKey: `cancel-${subscriptionId}` });
}

/** The subscription a payment paid, when it paid an invoice we know. */
export async function subscriptionPaidBy(paymentId: string): Promise<string | null> {
  const invoice = await db.billingInvoice.findUnique({
    where: { provider_providerPaymentId: { provider: 'stripe', providerPaymentId: paymentId } },
  });
  return invoice?.providerSubscriptionId ?? null;
}

async function invoiceChange(invoice: Stripe.Invoice, reads?: SubscriptionReads): Promise<BillingChange> {
  const metadataOwner = subscriptionOwnerSchema.safeParse(invoice.parent?.subscription_details?.metadata);
  const subscriptionId = idOf(invoice.parent?.subscription_details?.subscription);
  const paymentId = await paymentIntentOf(invoice);
  // Its payment was refunded or disputed before this event came: stop the billing too.
  const isReversed =
    paymentId && (await db.paymentReversal.count({ where: { provider: 'stripe', providerPaymentId: paymentId } }));
  if (subscriptionId && isReversed) await endStripeBilling(subscriptionId);
  const subscription = subscriptionId ? await readSubscription(subscriptionId, reads) : null;
  const status = invoice.status ?? 'open';
  const record = {
    provider: 'stripe' as const,
    invoiceId: invoice.id,
    userId: metadataOwner.success ? metadataOwner.data.userId : null,
    customerId: idOf(invoice.customer),
    subscriptionId,
    paymentId,
    status,
    amountCents: status === 'paid' ? invoice.amount_paid : invoice.amount_due,
    currency: invoice.currency,
    hostedInvoiceUrl: invoice.hosted_invoice_url ?? null,
    issuedAt: new Date(invoice.created * 1000),
  };
  return (tx) => recordInvoice(tx, record, subscription);
}

/** A full refund or a dispute takes back what the payment bought; a partial refund leaves access. */
async function reversalChange(
  paymentIntent: string | Stripe.PaymentIntent | null,
  reason: string,
  event: Stripe.Event,
): Promise<BillingChange | null> {
  const paymentId = idOf(paymentIntent);
  if (!paymentId) return null;
  const subscriptionId = await subscriptionPaidBy(paymentId);
  if (subscriptionId) await endStripeBilling(subscriptionId);
  const reversal = { provider: 'stripe' as const, paymentId, reason, reversedAt: new Date(event.created * 1000) };
  return (tx) => revokePayment(tx, reversal);
}

/** Each event's reads from Stripe happen here, before the transaction; the change writes only. */
export function readStripeEvent(event: Stripe.Event, reads?: SubscriptionReads): Promise<BillingChange | null> {
  switch (event.type) {
    // checkout.session.completed grants what was bought, unless an async payment is still pending;
    // async_payment_succeeded grants it once the delayed payment (e.g. bank debit) cleared.
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded':
      return checkoutChange(event.data.object, reads);
    case 'checkout.session.async_payment_failed':
      // Nothing was granted, so nothing changes; recorded so the event is answered 2xx once.
      console.info(`Checkout Session ${event.data.object.id}: the delayed payment failed; no access granted.`);
      return Promise.resolve(null);
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted':
      return subscriptionChange(event.data.object.id, reads);
    // A failed payment records the open invoice; the subscription converges (past_due, then
    // canceled or unpaid as Stripe's retry settings decide).
    case 'invoice.paid':
    case 'invoice.payment_failed':
      return invoiceChange(event.data.object, reads);
    case 'charge.refunded': {
      const charge = event.data.object;
      if (!charge.refunded) return Promise.resolve(null);
      return reversalChange(charge.payment_intent, `refund of charge ${charge.id}`, event);
    }
    case 'charge.dispute.created': {
      const dispute = event.data.object;
      return reversalChange(dispute.payment_intent, `dispute ${dispute.id} (${dispute.reason})`, event);
    }
    default:
      return Promise.resolve(null);
  }
}
