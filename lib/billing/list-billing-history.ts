import 'server-only';
import { db } from '@/lib/db';

/** The account page's billing section: invoices, 24-hour purchases and whether there is a paid subscription to manage. */
export async function listBillingHistory(userId: string) {
  const [invoices, purchases, paidSubscriptions] = await Promise.all([
    db.billingInvoice.findMany({ where: { userId }, orderBy: { issuedAt: 'desc' }, take: 50 }),
    db.articlePurchase.findMany({
      where: { userId },
      orderBy: { confirmedAt: 'desc' },
      take: 50,
      include: { article: { select: { title: true, doi: true } } },
    }),
    db.subscription.count({ where: { userId, source: 'payment' } }),
  ]);
  return { invoices, purchases, hasPaidSubscription: paidSubscriptions > 0 };
}

export type BillingHistory = Awaited<ReturnType<typeof listBillingHistory>>;
