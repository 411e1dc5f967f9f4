import 'server-only';
import { articlePath } from '@/lib/articles/article-path';
import { now } from '@/lib/clock';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { cancelUrl, successUrl } from '../../checkout-urls';
import type { PaymentProvider } from '../payment-provider';
import type { CheckoutMetadata } from './checkout-metadata';
import { ensureStripeCustomer } from './ensure-stripe-customer';
import { checkoutChange, endStripeBilling, idOf, readCheckoutMetadata } from './read-stripe-event';
import { getStripe, isStripeConfigured } from './stripe-client';

// A double click within this window gets the same Checkout Session back (Stripe idempotency keys).
const DOUBLE_CLICK_WINDOW_MS = 10 * 60_000;
const clickWindow = () => Math.floor(now().getTime() / DOUBLE_CLICK_WINDOW_MS);

function urlOf(session: { id: string; url: string | null }): string {
  if (!session.url) throw new Error(`Checkout Session ${session.id} has no URL.`);
  return session.url;
}

export const stripeProvider: PaymentProvider = {
  name: 'stripe',

  async checkoutPurchase(user, article) {
    const metadata: CheckoutMetadata = { kind: 'purchase', userId: user.id, articleId: article.id };
    const session = await getStripe().checkout.sessions.create(
      {
        mode: 'payment',
        customer: await ensureStripeCustomer(user),
        client_reference_id: user.id,
        metadata,
        payment_intent_data: { metadata },
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: article.currency,
              unit_amount: article.priceCents,
              product_data: { name: `24-hour online access: ${article.title.slice(0, 200)}` },
            },
          },
        ],
        success_url: successUrl(),
        cancel_url: cancelUrl(articlePath(article.doi)),
      },
      { idempotencyKey: `purchase-${user.id}-${article.id}-${clickWindow()}` },
    );
    return urlOf(session);
  },

  async checkoutSubscription(user, plan, returnTo) {
    const metadata: CheckoutMetadata = { kind: 'subscription', userId: user.id, plan: plan.id };
    const session = await getStripe().checkout.sessions.create(
      {
        mode: 'subscription',
        customer: await ensureStripeCustomer(user),
        client_reference_id: user.id,
        metadata,
        subscription_data: { metadata: { userId: user.id } },
        line_items: [{ price: plan.stripePriceId!, quantity: 1 }],
        success_url: successUrl(returnTo),
        cancel_url: cancelUrl(returnTo),
      },
      { idempotencyKey: `subscribe-${user.id}-${plan.id}-${clickWindow()}` },
    );
    return urlOf(session);
  },

  /** Stripe's Customer Portal for the user's customer; null when they never paid through Stripe. */
  async openPortal(userId) {
    const customer = await db.billingCustomer.findUnique({ where: { userId } });
    if (!customer) return null;
    const session = await getStripe().billingPortal.sessions.create({
      customer: customer.stripeCustomerId,
      return_url: `${env.SITE_URL}/account`,
    });
    return session.url;
  },

  // Rows written while Stripe was configured stay: with its keys gone there is nothing to call.
  async refund(paymentId) {
    if (!isStripeConfigured()) return;
    await getStripe().refunds.create({ payment_intent: paymentId }, { idempotencyKey: `refund-${paymentId}` });
  },

  async cancel(subscriptionId, when) {
    if (!isStripeConfigured()) return;
    if (when === 'now') await endStripeBilling(subscriptionId);
    else await getStripe().subscriptions.update(subscriptionId, { cancel_at_period_end: true });
  },

  /** Fulfils at once through the webhook's own code, so access shows before the webhook arrives. */
  async readCheckout(sessionId, userId) {
    const session = await getStripe().checkout.sessions.retrieve(sessionId);
    const metadata = readCheckoutMetadata(session);
    if (!metadata || metadata.userId !== userId) return null;
    const change = await checkoutChange(session);
    if (change) await db.$transaction(change);
    return { kind: metadata.kind, subscriptionId: idOf(session.subscription) };
  },
};
