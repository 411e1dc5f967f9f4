import 'server-only';
import { now } from '@/lib/clock';
import { articlePath } from '@/lib/articles/article-path';
import type { CheckoutMetadata } from './checkout-metadata';
import { cancelUrl, successUrl } from './checkout-urls';
import { ensureStripeCustomer } from './ensure-stripe-customer';
import { refuseIfAlreadyReadable, refuseIfSubscribed } from './already-entitled';
import { createLocalCheckout } from './local/create-local-checkout';
import { findPlan, type PlanId } from './plans';
import { getStripe, isStripeConfigured } from './stripe-client';

type Buyer = { id: string; email: string; name: string };
type Article = { id: string; doi: string; title: string; isFree: boolean; priceCents: number; currency: string };

// A double click within this window gets the same Checkout Session back (Stripe idempotency keys).
const DOUBLE_CLICK_WINDOW_MS = 10 * 60_000;
const clickWindow = () => Math.floor(now().getTime() / DOUBLE_CLICK_WINDOW_MS);

/** Checkout for 24-hour access to one article; returns the URL to send the buyer to. */
export async function createPurchaseCheckout(user: Buyer, article: Article): Promise<string> {
  await refuseIfAlreadyReadable(user.id, article);
  const metadata: CheckoutMetadata = { kind: 'purchase', userId: user.id, articleId: article.id };
  if (!isStripeConfigured()) {
    return createLocalCheckout({
      userId: user.id,
      mode: 'payment',
      articleId: article.id,
      amountCents: article.priceCents,
      currency: article.currency,
    });
  }
  const customer = await ensureStripeCustomer(user);
  const session = await getStripe().checkout.sessions.create(
    {
      mode: 'payment',
      customer,
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
  if (!session.url) throw new Error(`Checkout Session ${session.id} has no URL.`);
  return session.url;
}

/** Checkout for a subscription plan; returns the URL to send the buyer to. */
export async function createSubscriptionCheckout(user: Buyer, planId: PlanId, returnTo: string): Promise<string> {
  const plan = findPlan(planId);
  await refuseIfSubscribed(user.id);
  if (!isStripeConfigured() || !plan.stripePriceId) {
    return createLocalCheckout({
      userId: user.id,
      mode: 'subscription',
      plan: plan.id,
      amountCents: plan.amountCents,
      currency: plan.currency,
    });
  }
  const metadata: CheckoutMetadata = { kind: 'subscription', userId: user.id, plan: plan.id };
  const customer = await ensureStripeCustomer(user);
  const session = await getStripe().checkout.sessions.create(
    {
      mode: 'subscription',
      customer,
      client_reference_id: user.id,
      metadata,
      subscription_data: { metadata: { userId: user.id } },
      line_items: [{ price: plan.stripePriceId, quantity: 1 }],
      success_url: successUrl(),
      cancel_url: cancelUrl(returnTo),
    },
    { idempotencyKey: `subscribe-${user.id}-${plan.id}-${clickWindow()}` },
  );
  if (!session.url) throw new Error(`Checkout Session ${session.id} has no URL.`);
  return session.url;
}
