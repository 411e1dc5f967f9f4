import 'server-only';
import type { ArticlePurchase, BillingInvoice } from '@/generated/prisma/client';
import { db } from '@/lib/db';
import { planLabel } from './plans';
import { reversalKind } from './reversal-for-reader';

/** One payment the reader made, listed once: a subscription invoice or a paid 24-hour purchase. */
export type Payment = {
  /** Also the receipt's address: /account/receipts/<key>. */
  key: string;
  paidAt: Date;
  what: { kind: 'subscription'; plan: string } | { kind: 'article'; title: string; doi: string };
  amountCents: number;
  currency: string;
  status: string;
  /** Stripe's own page for the invoice, when the payment went through Stripe. */
  providerInvoiceUrl: string | null;
};

const INVOICE_STATUS: Record<string, string> = {
  paid: 'Paid',
  open: 'Awaiting payment',
  void: 'Cancelled',
  uncollectible: 'Not collected',
  draft: 'Draft',
};

type Plans = { plan: string; provider: string | null; providerSubscriptionId: string | null }[];

function invoicePayment(i: BillingInvoice, subscriptions: Plans): Payment {
  const plan = subscriptions.find(
    (s) => s.provider === i.provider && s.providerSubscriptionId === i.providerSubscriptionId,
  )?.plan;
  return {
    key: `invoice-${i.id}`,
    paidAt: i.issuedAt,
    what: { kind: 'subscription', plan: plan ? `${planLabel(plan)} subscription` : 'Subscription' },
    amountCents: i.amountCents,
    currency: i.currency,
    status: INVOICE_STATUS[i.status] ?? i.status,
    providerInvoiceUrl: i.hostedInvoiceUrl,
  };
}

function purchasePayment(p: ArticlePurchase & { article: { title: string; doi: string } }): Payment {
  const reversal = p.revokedAt ? reversalKind(p.revokedReason) : null;
  return {
    key: `purchase-${p.id}`,
    paidAt: p.confirmedAt,
    what: { kind: 'article', title: p.article.title, doi: p.article.doi },
    amountCents: p.amountCents,
    currency: p.currency,
    status: reversal === 'disputed' ? 'Disputed' : reversal === 'refunded' ? 'Refunded' : 'Paid',
    providerInvoiceUrl: null,
  };
}

const paidSubscriptions = (userId: string) =>
  db.subscription.findMany({
    where: { userId, source: 'payment' },
    select: { plan: true, provider: true, providerSubscriptionId: true },
  });
const withArticle = { article: { select: { title: true, doi: true } } } as const;
// Paid purchases only: access an admin granted without a payment is on the access list, not here.
const paid = { provider: { not: null } } as const;

/** The account page's billing section: every payment once, newest first, and whether there is a paid subscription. */
export async function listBillingHistory(userId: string) {
  const [invoices, purchases, subscriptions] = await Promise.all([
    db.billingInvoice.findMany({ where: { userId }, orderBy: { issuedAt: 'desc' }, take: 50 }),
    db.articlePurchase.findMany({
      where: { userId, ...paid },
      orderBy: { confirmedAt: 'desc' },
      take: 50,
      include: withArticle,
    }),
    paidSubscriptions(userId),
  ]);
  const payments = [...invoices.map((i) => invoicePayment(i, subscriptions)), ...purchases.map(purchasePayment)];
  payments.sort((a, b) => b.paidAt.getTime() - a.paidAt.getTime());
  return { payments, hasPaidSubscription: subscriptions.length > 0 };
}

/** One of the reader's own payments by its key, or null (someone else's, or no such payment). */
export async function findPayment(userId: string, key: string): Promise<Payment | null> {
  const match = /^(invoice|purchase)-([a-z0-9]{1,40})$/.exec(key);
  if (!match) return null;
  const id = match[2]!;
  if (match[1] === 'invoice') {
    const invoice = await db.billingInvoice.findFirst({ where: { id, userId } });
    return invoice && invoicePayment(invoice, await paidSubscriptions(userId));
  }
  const purchase = await db.articlePurchase.findFirst({ where: { id, userId, ...paid }, include: withArticle });
  return purchase && purchasePayment(purchase);
}
