import 'server-only';
import { db } from '@/lib/db';
import type { PaymentProvider } from '../payment-provider';
import { createLocalCheckout } from './create-local-checkout';
import { areTestPaymentsOn } from './test-payments';

/** Checkout session ids of the local provider, as Stripe's start with cs_. */
export const isLocalCheckoutId = (id: string) => id.startsWith('lcs_');

/**
 * The local test-payment provider (no Stripe keys): its checkout page "pays" at a click, and its
 * subscription, invoice and payment ids are the checkout session's id. It holds no money, so a
 * refund or cancel has nothing to call: the caller's ledger write is all there is.
 */
export const localProvider: PaymentProvider = {
  name: 'local',
  checkoutPurchase: (user, article) =>
    createLocalCheckout({
      userId: user.id,
      mode: 'payment',
      articleId: article.id,
      amountCents: article.priceCents,
      currency: article.currency,
    }),
  checkoutSubscription: async (user, plan, returnTo) =>
    `${await createLocalCheckout({
      userId: user.id,
      mode: 'subscription',
      plan: plan.id,
      amountCents: plan.amountCents,
      currency: plan.currency,
    })}${returnTo && returnTo !== '/' ? `&returnTo=${encodeURIComponent(returnTo)}` : ''}`,
  openPortal: () => Promise.resolve(areTestPaymentsOn() ? '/checkout/test-portal' : null),
  refund: () => Promise.resolve(),
  cancel: () => Promise.resolve(),
  async readCheckout(sessionId, userId) {
    const local = await db.localCheckoutSession.findFirst({ where: { id: sessionId, userId } });
    if (!local) return null;
    if (!local.completedAt) return { kind: 'unpaid', paymentPage: `/checkout/test-payment?session=${local.id}` };
    return { kind: local.mode === 'subscription' ? 'subscription' : 'purchase', subscriptionId: local.id };
  },
};
