import { beforeEach, describe, expect, it, vi } from 'vitest';

// No Stripe keys: the embedded default, where the local test-payment provider stands in.
vi.hoisted(() => {
  for (const key of [
    'STRIPE_SECRET_KEY',
    'STRIPE_WEBHOOK_SECRET',
    'STRIPE_PRICE_MONTHLY',
    'STRIPE_PRICE_ANNUAL',
    'STRIPE_API_BASE',
  ])
    delete process.env[key];
});

import { POST } from '@/app/api/stripe/webhook/route';
import { createPurchaseCheckout, createSubscriptionCheckout } from '@/lib/billing/create-checkout';
import { getCheckoutResult } from '@/lib/billing/get-checkout-result';
import { cancelLocalSubscription } from '@/lib/billing/providers/local/cancel-local-subscription';
import { completeLocalCheckout } from '@/lib/billing/providers/local/complete-local-checkout';
import { refundLatestPayment } from '@/lib/admin/subscriptions';
import { db } from '@/lib/db';
import { findPayment, listBillingHistory } from '@/lib/billing/list-billing-history';
import { renderReceiptPdf } from '@/lib/billing/render-receipt-pdf';
import { formatDateTime } from '@/lib/format-date';
import { readPdfText } from '../support/read-pdf-text';
import { createPaidArticle, createReader } from '../support/billing-fixtures';
import { resetDatabase } from '../support/reset-db';
import { makeEvent, webhookRequest } from '../support/stripe-events';

const sessionIdOf = (url: string) => new URL(url, 'http://x').searchParams.get('session')!;

beforeEach(resetDatabase);

describe('local test-payment provider', () => {
  it('sells 24-hour access through the test payment page, once however often it is paid', async () => {
    const user = await createReader();
    const article = await createPaidArticle();
    const url = await createPurchaseCheckout(user, article);
    expect(url).toMatch(/^\/checkout\/test-payment\?session=lcs_/);
    expect(await createPurchaseCheckout(user, article)).toBe(url); // double click
    const id = sessionIdOf(url);
    await Promise.all([completeLocalCheckout(id, user.id), completeLocalCheckout(id, user.id)]);
    const purchase = await db.articlePurchase.findFirstOrThrow();
    expect(purchase).toMatchObject({
      userId: user.id,
      articleId: article.id,
      amountCents: 3000,
      provider: 'local',
      providerCheckoutId: id,
    });
    expect(purchase.expiresAt.getTime() - purchase.confirmedAt.getTime()).toBe(24 * 3600_000);
    expect(await getCheckoutResult(id, user.id)).toMatchObject({ kind: 'purchase', expiresAt: purchase.expiresAt });
  });

  it('only the buyer can pay a test checkout', async () => {
    const user = await createReader();
    const other = await createReader('other@example.org');
    const id = sessionIdOf(await createPurchaseCheckout(user, await createPaidArticle()));
    await expect(completeLocalCheckout(id, other.id)).rejects.toThrow(/not yours/);
    expect(await db.articlePurchase.count()).toBe(0);
  });

  it('sells a subscription that, cancelled, runs to the end of its period', async () => {
    const user = await createReader();
    const id = sessionIdOf(await createSubscriptionCheckout(user, 'monthly', '/'));
    await completeLocalCheckout(id, user.id);
    const subscription = await db.subscription.findFirstOrThrow();
    expect(subscription).toMatchObject({
      plan: 'monthly',
      status: 'active',
      source: 'payment',
      cancelAtPeriodEnd: false,
    });
    expect(await getCheckoutResult(id, user.id)).toEqual({
      kind: 'subscription',
      plan: 'monthly',
      currentPeriodEnd: subscription.currentPeriodEnd,
      cancelAtPeriodEnd: false,
    });
    await cancelLocalSubscription(subscription.id, user.id);
    expect(await db.subscription.findFirstOrThrow()).toMatchObject({
      status: 'active',
      cancelAtPeriodEnd: true,
      currentPeriodEnd: subscription.currentPeriodEnd,
    });
  });

  it('records the subscription’s paid invoice, which an admin can refund to end its access', async () => {
    const user = await createReader();
    const id = sessionIdOf(await createSubscriptionCheckout(user, 'annual', '/'));
    expect(await getCheckoutResult(id, user.id)).toEqual({
      kind: 'unpaid',
      paymentPage: `/checkout/test-payment?session=${id}`,
    });
    await completeLocalCheckout(id, user.id);
    expect(await db.billingInvoice.findFirstOrThrow()).toMatchObject({
      userId: user.id,
      status: 'paid',
      amountCents: 29900,
    });
    const admin = {
      ...(await createReader('admin@example.org')),
      role: 'admin' as const,
      emailVerified: true,
      sessionId: 'test-session',
    };
    const subscription = await db.subscription.findFirstOrThrow();
    await refundLatestPayment(admin, { subscriptionId: subscription.id });
    expect((await db.subscription.findFirstOrThrow()).revokedReason).toBe('Refunded by admin@example.org');
    // The success page, reloaded, no longer thanks the reader for it.
    expect(await getCheckoutResult(id, user.id)).toEqual({ kind: 'reversed', note: 'Ended: the payment was refunded' });
  });

  it('lists each payment once with its receipt, which only the payer can open', async () => {
    const user = await createReader();
    const stranger = await createReader('stranger@example.org');
    const article = await createPaidArticle();
    await completeLocalCheckout(sessionIdOf(await createPurchaseCheckout(user, article)), user.id);
    await completeLocalCheckout(sessionIdOf(await createSubscriptionCheckout(user, 'annual', '/')), user.id);
    const { payments, hasPaidSubscription } = await listBillingHistory(user.id);
    expect(hasPaidSubscription).toBe(true);
    expect(payments.map((p) => [p.what.kind, p.status])).toEqual(
      expect.arrayContaining([
        ['article', 'Paid'],
        ['subscription', 'Paid'],
      ]),
    );
    expect(payments).toHaveLength(2);
    expect(payments.find((p) => p.what.kind === 'subscription')!.what).toEqual({
      kind: 'subscription',
      plan: 'Annual subscription',
    });
    for (const payment of payments) {
      expect(await findPayment(user.id, payment.key)).toEqual(payment);
      expect(await findPayment(stranger.id, payment.key)).toBeNull();
      const pdf = await renderReceiptPdf(payment, { name: 'Pat Payer', email: user.email }, { timeZone: 'Asia/Tokyo' });
      const text = await readPdfText(pdf);
      expect(text).toContain(`Receipt number: ${payment.key}`);
      // In the zone of the reader who downloads it, named.
      expect(text).toContain(`Date: ${formatDateTime(payment.paidAt, 'Asia/Tokyo')}`);
      expect(text).toContain('GMT+9');
      expect(text).toContain('Status: Paid');
    }
    expect(await findPayment(user.id, 'purchase-../../x')).toBeNull();
  });

  it('the Stripe webhook answers 404 when Stripe is not configured', async () => {
    expect((await POST(webhookRequest(makeEvent('checkout.session.completed', {})))).status).toBe(404);
  });
});
