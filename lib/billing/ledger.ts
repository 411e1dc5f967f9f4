import 'server-only';
import type { BillingProvider, EntitlementSource, Prisma } from '@/generated/prisma/client';

/**
 * The one writer of billing rows: Subscription, ArticlePurchase, BillingInvoice, PaymentReversal.
 * Every caller (Stripe's webhook, the success page, the local provider, the admin console,
 * membership activation) writes through these functions, inside its own transaction (`tx`), so a
 * failure leaves no partial rows. Exactly-once comes from unique keys: (provider, checkout id) for
 * purchases, (provider, invoice id) for invoices, (provider, payment id) for reversals and
 * (provider, subscription id) for subscriptions.
 */
export type Tx = Prisma.TransactionClient;

export const PURCHASE_DURATION_MS = 24 * 3600_000;

type Reversal = { reason: string; reversedAt: Date };

const revocation = (reversal: Reversal | null) => ({
  revokedAt: reversal?.reversedAt ?? null,
  revokedReason: reversal?.reason ?? null,
});

function findReversal(tx: Tx, provider: BillingProvider, paymentId: string) {
  return tx.paymentReversal.findUnique({
    where: { provider_providerPaymentId: { provider, providerPaymentId: paymentId } },
  });
}

/** Our user for a payer the provider names by customer only (a Stripe customer we created). */
async function ownerOfCustomer(tx: Tx, customerId: string | null): Promise<string | null> {
  if (!customerId) return null;
  const customer = await tx.billingCustomer.findUnique({ where: { stripeCustomerId: customerId } });
  return customer?.userId ?? null;
}

export type PurchaseGrant = {
  provider: BillingProvider;
  checkoutId: string;
  paymentId: string | null;
  userId: string;
  articleId: string;
  amountCents: number;
  currency: string;
  confirmedAt: Date;
};

/**
 * 24-hour access for one paid checkout, to the second. A second grant of the same checkout
 * (webhook and success page, or a redelivery) inserts nothing. A refund or dispute that arrived
 * first (events come out of order) makes the purchase start out revoked.
 */
export async function grantPurchase(tx: Tx, grant: PurchaseGrant): Promise<void> {
  const reversal = grant.paymentId ? await findReversal(tx, grant.provider, grant.paymentId) : null;
  const { provider, checkoutId, paymentId, userId, articleId, amountCents, currency, confirmedAt } = grant;
  await tx.articlePurchase.createMany({
    data: [
      {
        provider,
        providerCheckoutId: checkoutId,
        providerPaymentId: paymentId,
        userId,
        articleId,
        amountCents,
        currency,
        confirmedAt,
        expiresAt: new Date(confirmedAt.getTime() + PURCHASE_DURATION_MS),
        ...revocation(reversal),
      },
    ],
    skipDuplicates: true,
  });
}

export type SubscriptionSnapshot = {
  provider: BillingProvider;
  subscriptionId: string;
  /** Our user when the provider names it (metadata); otherwise found from the customer. */
  userId: string | null;
  customerId: string | null;
  plan: string;
  /** Stripe's vocabulary: active, trialing, past_due, canceled, unpaid, … */
  status: string;
  startsAt: Date;
  currentPeriodEnd: Date;
  cancelAtPeriodEnd: boolean;
};

/**
 * Writes a subscription as its provider reported it at `readAt`. Convergent: a snapshot read
 * before the one already written is skipped (the compare is part of the UPDATE, so concurrent
 * transactions cannot both win), so reordered deliveries end on the newest state. A subscription
 * of a customer we never created is skipped. Revocation is never undone; a reversed payment of
 * one of its invoices revokes it.
 */
export async function syncSubscription(tx: Tx, snapshot: SubscriptionSnapshot, readAt: Date): Promise<void> {
  const userId = snapshot.userId ?? (await ownerOfCustomer(tx, snapshot.customerId));
  if (!userId) return;
  const key = { provider: snapshot.provider, providerSubscriptionId: snapshot.subscriptionId };
  const { plan, status, startsAt, currentPeriodEnd, cancelAtPeriodEnd } = snapshot;
  const state = { plan, status, startsAt, currentPeriodEnd, cancelAtPeriodEnd, providerReadAt: readAt };
  // Twice at most: a concurrent first write makes our insert a no-op, and the update then decides.
  for (let attempt = 0; attempt < 2; attempt++) {
    const newer = { OR: [{ providerReadAt: null }, { providerReadAt: { lte: readAt } }] };
    if ((await tx.subscription.updateMany({ where: { ...key, ...newer }, data: state })).count) break;
    const data = { ...key, ...state, userId, source: 'payment' as const };
    if ((await tx.subscription.createMany({ data: [data], skipDuplicates: true })).count) break;
  }
  const invoices = await tx.billingInvoice.findMany({
    where: { provider: snapshot.provider, providerSubscriptionId: snapshot.subscriptionId },
    select: { providerPaymentId: true },
  });
  const paymentIds = invoices.flatMap((i) => (i.providerPaymentId ? [i.providerPaymentId] : []));
  const reversal = paymentIds.length
    ? await tx.paymentReversal.findFirst({
        where: { provider: snapshot.provider, providerPaymentId: { in: paymentIds } },
        orderBy: { reversedAt: 'asc' },
      })
    : null;
  if (reversal) await revokeSubscription(tx, snapshot.provider, snapshot.subscriptionId, reversal);
}

/** Takes access away from a provider's subscription once; the first reason stays. */
async function revokeSubscription(tx: Tx, provider: BillingProvider, subscriptionId: string, reversal: Reversal) {
  await tx.subscription.updateMany({
    where: { provider, providerSubscriptionId: subscriptionId, revokedAt: null },
    data: revocation(reversal),
  });
}

export type InvoiceRecord = {
  provider: BillingProvider;
  invoiceId: string;
  userId: string | null;
  customerId: string | null;
  subscriptionId: string | null;
  paymentId: string | null;
  status: string;
  amountCents: number;
  currency: string;
  hostedInvoiceUrl: string | null;
  issuedAt: Date;
};

/**
 * Records a subscription invoice (listed on the account page; ties later refunds to the
 * subscription), then writes the subscription as read at `readAt` (a paid invoice moves the period
 * on, a failed one makes it past_due). A paid invoice is never set back to open by a late failure;
 * an invoice of a customer we never created is skipped. A refund or dispute of its payment that
 * arrived before the invoice revokes the subscription.
 */
export async function recordInvoice(
  tx: Tx,
  invoice: InvoiceRecord,
  subscription: { snapshot: SubscriptionSnapshot; readAt: Date } | null,
): Promise<void> {
  const { provider, invoiceId, subscriptionId, paymentId } = invoice;
  const userId = invoice.userId ?? (await ownerOfCustomer(tx, invoice.customerId));
  if (userId) {
    const { status, amountCents, currency, hostedInvoiceUrl, issuedAt } = invoice;
    const state = { status, amountCents, providerPaymentId: paymentId, hostedInvoiceUrl };
    const created = await tx.billingInvoice.createMany({
      data: [
        {
          ...state,
          provider,
          providerInvoiceId: invoiceId,
          providerSubscriptionId: subscriptionId,
          userId,
          currency,
          issuedAt,
        },
      ],
      skipDuplicates: true,
    });
    if (!created.count)
      await tx.billingInvoice.updateMany({
        where: { provider, providerInvoiceId: invoiceId, status: { not: 'paid' } },
        data: state,
      });
  }
  if (subscription) await syncSubscription(tx, subscription.snapshot, subscription.readAt);
  const reversal = paymentId ? await findReversal(tx, provider, paymentId) : null;
  if (reversal && subscriptionId) await revokeSubscription(tx, provider, subscriptionId, reversal);
}

export type PaymentReversalInput = { provider: BillingProvider; paymentId: string; reason: string; reversedAt: Date };

/**
 * A refund or dispute takes back what the payment bought: the 24-hour purchase, or the
 * subscription whose invoice it paid. The reversal is stored first, so a purchase or invoice that
 * is recorded later (out-of-order events) is revoked as it arrives. The first reason stays.
 */
export async function revokePayment(tx: Tx, input: PaymentReversalInput): Promise<void> {
  const { provider, paymentId } = input;
  await tx.paymentReversal.createMany({
    data: [{ provider, providerPaymentId: paymentId, reason: input.reason, reversedAt: input.reversedAt }],
    skipDuplicates: true,
  });
  const reversal = (await findReversal(tx, provider, paymentId))!;
  await tx.articlePurchase.updateMany({
    where: { provider, providerPaymentId: paymentId, revokedAt: null },
    data: revocation(reversal),
  });
  const invoice = await tx.billingInvoice.findUnique({
    where: { provider_providerPaymentId: { provider, providerPaymentId: paymentId } },
  });
  if (invoice?.providerSubscriptionId) await revokeSubscription(tx, provider, invoice.providerSubscriptionId, reversal);
}

/** Ends a purchase granted without a payment we can name (nothing to reverse at a provider). */
export function revokePurchase(tx: Tx, purchaseId: string, reversal: Reversal) {
  return tx.articlePurchase.update({ where: { id: purchaseId }, data: revocation(reversal) });
}

export type SubscriptionGrant = {
  userId: string;
  plan: string;
  source: Exclude<EntitlementSource, 'payment'>;
  startsAt: Date;
  currentPeriodEnd: Date;
};

/** A subscription nobody bills (complimentary, or a claimed membership), active at once. */
export function grantSubscription(tx: Tx, grant: SubscriptionGrant) {
  return tx.subscription.create({ data: { ...grant, status: 'active' } });
}

/** Moves the end of a subscription nobody bills; it is active until then. */
export function extendSubscription(tx: Tx, subscriptionId: string, endsAt: Date) {
  return tx.subscription.update({
    where: { id: subscriptionId },
    data: { currentPeriodEnd: endsAt, status: 'active', cancelAtPeriodEnd: false },
  });
}

/** Takes back a cancellation at the period's end, as Stripe's portal allows until the period ends. */
export function resumeSubscription(tx: Tx, subscriptionId: string) {
  return tx.subscription.update({ where: { id: subscriptionId }, data: { cancelAtPeriodEnd: false } });
}

/** Ends a subscription now (access ends at once) or at the end of its period (access runs on). */
export function cancelSubscription(tx: Tx, subscriptionId: string, when: 'now' | 'period_end', now: Date) {
  return tx.subscription.update({
    where: { id: subscriptionId },
    data:
      when === 'now'
        ? { status: 'canceled', currentPeriodEnd: now, cancelAtPeriodEnd: false }
        : { cancelAtPeriodEnd: true },
  });
}
