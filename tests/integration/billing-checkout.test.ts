import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

const standIn = await vi.hoisted(async () => {
  const { startStripeStandIn } = await import('../support/stripe-stand-in');
  const { stripeTestEnv } = await import('../support/stripe-events');
  const server = await startStripeStandIn();
  Object.assign(process.env, stripeTestEnv(server.url));
  return server;
});

import { POST } from '@/app/api/stripe/webhook/route';
import { createPurchaseCheckout, createSubscriptionCheckout } from '@/lib/billing/create-checkout';
import { createPortalSession } from '@/lib/billing/create-portal-session';
import { getCheckoutResult } from '@/lib/billing/get-checkout-result';
import { db } from '@/lib/db';
import { createPaidArticle, createReader } from '../support/billing-fixtures';
import { resetDatabase } from '../support/reset-db';
import { makeEvent, webhookRequest } from '../support/stripe-events';

const sessionIdOf = (url: string) => url.split('/').at(-1)!;

beforeEach(resetDatabase);
afterAll(() => standIn.close());

describe('Stripe Checkout', () => {
  it('a double click creates one customer and one Checkout Session', async () => {
    const user = await createReader();
    const article = await createPaidArticle();
    const before = standIn.state.customers.size;
    const [a, b] = await Promise.all([createPurchaseCheckout(user, article), createPurchaseCheckout(user, article)]);
    expect(a).toBe(b);
    expect(standIn.state.customers.size).toBe(before + 1);
    expect(await db.billingCustomer.count()).toBe(1);
    await createSubscriptionCheckout(user, 'annual', '/');
    expect(standIn.state.customers.size).toBe(before + 1);
  });

  it('never sells what the reader has: a second 24 hours, an article to a subscriber, a second subscription', async () => {
    const user = await createReader();
    const article = await createPaidArticle();
    const id = sessionIdOf(await createPurchaseCheckout(user, article));
    standIn.completeCheckout(id);
    await getCheckoutResult(id, user.id); // the success page fulfils
    await expect(createPurchaseCheckout(user, article)).rejects.toThrow(/already read this article \(24-hour access/);
    // The refusal names the time in the buyer's zone when the page knows it (the action passes it).
    await expect(createPurchaseCheckout(user, article, 'Asia/Tokyo')).rejects.toThrow(
      /24-hour access until \d\d:\d\d GMT\+9/,
    );
    const other = await createPaidArticle('10.1001/archdermatol.2099.2');
    await createPurchaseCheckout(user, other); // another article is still for sale

    await db.subscription.create({
      data: {
        userId: user.id,
        plan: 'monthly',
        status: 'active',
        source: 'payment',
        startsAt: new Date(),
        currentPeriodEnd: new Date(Date.now() + 86_400_000),
      },
    });
    await expect(createPurchaseCheckout(user, other)).rejects.toThrow(/already read this article \(Subscriber until/);
    const sessions = standIn.state.sessions.size;
    await expect(createSubscriptionCheckout(user, 'annual', '/')).rejects.toThrow(/already have a subscription until/);
    expect(standIn.state.sessions.size).toBe(sessions);
  });

  it('sends the article price, the user and the article to Stripe', async () => {
    const user = await createReader();
    const article = await createPaidArticle();
    const session = standIn.state.sessions.get(sessionIdOf(await createPurchaseCheckout(user, article)))!;
    expect(session).toMatchObject({
      mode: 'payment',
      amount_total: 3000,
      currency: 'usd',
      client_reference_id: user.id,
      metadata: { kind: 'purchase', userId: user.id, articleId: article.id },
    });
    expect(String(session.success_url)).toContain('/checkout/success?session_id={CHECKOUT_SESSION_ID}');
  });

  it('a subscription started from an article returns there after payment (and cancel goes back there too)', async () => {
    const user = await createReader();
    const from = '/doi/10.1001/archdermatol.2011.3156';
    const session = standIn.state.sessions.get(sessionIdOf(await createSubscriptionCheckout(user, 'monthly', from)))!;
    expect(String(session.success_url)).toContain(
      `/checkout/success?session_id={CHECKOUT_SESSION_ID}&returnTo=${encodeURIComponent(from)}`,
    );
    expect(String(session.cancel_url)).toContain(`returnTo=${encodeURIComponent(from)}`);
  });

  it('the success page fulfils at once; the webhook afterwards adds nothing', async () => {
    const user = await createReader();
    const article = await createPaidArticle();
    const id = sessionIdOf(await createPurchaseCheckout(user, article));
    expect(await getCheckoutResult(id, user.id)).toEqual({ kind: 'pending' });
    const session = standIn.completeCheckout(id);
    const result = await getCheckoutResult(id, user.id);
    expect(result).toMatchObject({ kind: 'purchase', doi: article.doi, amountCents: 3000 });
    expect((await POST(webhookRequest(makeEvent('checkout.session.completed', session)))).status).toBe(200);
    expect(await db.articlePurchase.count()).toBe(1);
  });

  it('another user cannot fulfil or see someone else’s checkout', async () => {
    const buyer = await createReader();
    const other = await createReader('other@example.org');
    const id = sessionIdOf(await createPurchaseCheckout(buyer, await createPaidArticle()));
    standIn.completeCheckout(id);
    expect(await getCheckoutResult(id, other.id)).toBeNull();
    expect(await db.articlePurchase.count()).toBe(0);
  });

  it('a subscription checkout shows the plan and its period end on the success page', async () => {
    const user = await createReader();
    const id = sessionIdOf(await createSubscriptionCheckout(user, 'monthly', '/'));
    standIn.completeCheckout(id);
    const result = await getCheckoutResult(id, user.id);
    expect(result).toMatchObject({ kind: 'subscription', plan: 'monthly', cancelAtPeriodEnd: false });
  });

  it('"Manage subscription" opens a Customer Portal session for the user’s customer only', async () => {
    const user = await createReader();
    expect(await createPortalSession(user.id)).toBeNull();
    await createSubscriptionCheckout(user, 'monthly', '/');
    expect(await createPortalSession(user.id)).toMatch(/^https:\/\/billing\.stripe\.test\//);
  });
});
