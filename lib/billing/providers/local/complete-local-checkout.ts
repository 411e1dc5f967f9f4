import 'server-only';
import { now } from '@/lib/clock';
import { db } from '@/lib/db';
import { NotFoundError } from '@/lib/errors/app-error';
import { grantPurchase, recordInvoice } from '@/lib/billing/ledger';
import { requireTestPayments } from './test-payments';

function addInterval(from: Date, plan: string): Date {
  const end = new Date(from);
  if (plan === 'annual') end.setUTCFullYear(end.getUTCFullYear() + 1);
  else end.setUTCMonth(end.getUTCMonth() + 1);
  return end;
}

/**
 * "Pays" a local test checkout and grants what it bought through the ledger, as Stripe's webhook
 * does, in one transaction. The session's id names its payment, invoice and subscription too.
 * Completing twice changes nothing.
 */
export async function completeLocalCheckout(sessionId: string, userId: string): Promise<void> {
  requireTestPayments();
  await db.$transaction(async (tx) => {
    const confirmedAt = now();
    const { count } = await tx.localCheckoutSession.updateMany({
      where: { id: sessionId, userId, completedAt: null },
      data: { completedAt: confirmedAt },
    });
    if (count === 0) {
      const done = await tx.localCheckoutSession.findFirst({ where: { id: sessionId, userId } });
      if (!done) throw new NotFoundError('This checkout does not exist or is not yours.');
      return;
    }
    const session = await tx.localCheckoutSession.findUniqueOrThrow({ where: { id: sessionId } });
    const paid = { provider: 'local' as const, userId, amountCents: session.amountCents, currency: session.currency };
    if (session.mode === 'payment' && session.articleId) {
      await grantPurchase(tx, {
        ...paid,
        checkoutId: session.id,
        paymentId: session.id,
        articleId: session.articleId,
        confirmedAt,
      });
    } else if (session.mode === 'subscription' && session.plan) {
      // Its paid invoice: listed on the account page, and what an admin's refund reverses.
      const invoice = {
        ...paid,
        invoiceId: session.id,
        customerId: null,
        subscriptionId: session.id,
        paymentId: session.id,
        status: 'paid',
        hostedInvoiceUrl: null,
        issuedAt: confirmedAt,
      };
      const snapshot = {
        provider: 'local' as const,
        subscriptionId: session.id,
        userId,
        customerId: null,
        plan: session.plan,
        status: 'active',
        startsAt: confirmedAt,
        currentPeriodEnd: addInterval(confirmedAt, session.plan),
        cancelAtPeriodEnd: false,
      };
      await recordInvoice(tx, invoice, { snapshot, readAt: confirmedAt });
    }
  });
}
