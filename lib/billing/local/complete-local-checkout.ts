import 'server-only';
import { now } from '@/lib/clock';
import { db } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';
import { isStripeConfigured } from '../stripe-client';
import { purchaseEffect } from '../fulfil-purchase';
import { subscriptionSyncEffect } from '../sync-subscription';
import { runOneStatement } from '../tx';
import { requireTestPayments } from './test-payments';

/** Subscription ids of the local provider; never sent to Stripe. */
export const LOCAL_SUBSCRIPTION_PREFIX = 'sub_local_';

/** Whether Stripe knows this billing id: not when Stripe is off, nor for the local provider's ids. */
export function isBilledInStripe(id: string): boolean {
  return isStripeConfigured() && !id.startsWith(LOCAL_SUBSCRIPTION_PREFIX) && !id.startsWith('local_');
}

function addInterval(from: Date, plan: string): Date {
  const end = new Date(from);
  if (plan === 'annual') end.setUTCFullYear(end.getUTCFullYear() + 1);
  else end.setUTCMonth(end.getUTCMonth() + 1);
  return end;
}

/**
 * "Pays" a local test checkout and grants what it bought through the same fulfilment functions as
 * Stripe's webhook, in one transaction. Completing twice changes nothing.
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
    if (session.mode === 'payment' && session.articleId) {
      await runOneStatement(
        tx,
        purchaseEffect({
          checkoutSessionId: session.id,
          userId,
          articleId: session.articleId,
          amountCents: session.amountCents,
          currency: session.currency,
          paymentIntentId: null,
          confirmedAt,
        }),
      );
    } else if (session.mode === 'subscription' && session.plan) {
      const subscriptionId = `${LOCAL_SUBSCRIPTION_PREFIX}${session.id}`;
      // Its paid invoice: listed on the account page, and what an admin's refund reverses.
      await tx.billingInvoice.create({
        data: {
          id: `local_in_${session.id}`,
          userId,
          stripeSubscriptionId: subscriptionId,
          stripePaymentIntentId: `local_pi_${session.id}`,
          status: 'paid',
          amountCents: session.amountCents,
          currency: session.currency,
          issuedAt: confirmedAt,
        },
      });
      await runOneStatement(
        tx,
        subscriptionSyncEffect(
          {
            stripeSubscriptionId: subscriptionId,
            userId,
            stripeCustomerId: null,
            plan: session.plan,
            status: 'active',
            startsAt: confirmedAt,
            currentPeriodEnd: addInterval(confirmedAt, session.plan),
            cancelAtPeriodEnd: false,
          },
          confirmedAt,
        ),
      );
    }
  });
}
