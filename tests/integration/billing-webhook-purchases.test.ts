import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

// The real Stripe SDK talks to our stand-in; the env must name it before the app's modules load.
const standIn = await vi.hoisted(async () => {
  const { startStripeStandIn } = await import('../support/stripe-stand-in');
  const { stripeTestEnv } = await import('../support/stripe-events');
  const server = await startStripeStandIn();
  Object.assign(process.env, stripeTestEnv(server.url));
  return server;
});

import { db } from '@/lib/db';
import { createPurchaseCheckout } from '@/lib/billing/create-checkout';
import { listUnmatchedStripeEvents } from '@/lib/billing/providers/stripe/handle-stripe-event';
import { createPaidArticle, createReader } from '../support/billing-fixtures';
import { resetDatabase } from '../support/reset-db';
import { makeEvent } from '../support/stripe-events';
import { newId } from '../support/stripe-stand-in';
import { webhookTestKit } from '../support/webhook-test-kit';

const { deliver, lastSession, paidPurchaseSession, paidSubscription, invoiceFor } = webhookTestKit(standIn);

beforeEach(resetDatabase);
afterAll(() => standIn.close());

describe('Stripe webhook: 24-hour purchases', () => {
  it('checkout.session.completed grants 24 hours to the second, with the amount paid', async () => {
    const { user, article, session } = await paidPurchaseSession();
    expect((await deliver(makeEvent('checkout.session.completed', session))).body.outcome).toBe('processed');
    const purchase = await db.articlePurchase.findFirstOrThrow();
    expect(purchase).toMatchObject({
      userId: user.id,
      articleId: article.id,
      amountCents: 3000,
      currency: 'usd',
      revokedAt: null,
    });
    expect(purchase.expiresAt.getTime() - purchase.confirmedAt.getTime()).toBe(24 * 3600_000);
  });

  it('the same event delivered 5 times changes state once', async () => {
    const { session } = await paidPurchaseSession();
    const event = makeEvent('checkout.session.completed', session);
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push(await deliver(event));
    expect(outcomes.map((o) => o.status)).toEqual([200, 200, 200, 200, 200]);
    expect(outcomes.map((o) => o.body.outcome)).toEqual([
      'processed',
      'duplicate',
      'duplicate',
      'duplicate',
      'duplicate',
    ]);
    expect(await db.articlePurchase.count()).toBe(1);
    expect(await db.stripeEvent.count()).toBe(1);
  });

  it('two concurrent deliveries of one event have one effect', async () => {
    const { session } = await paidPurchaseSession();
    const event = makeEvent('checkout.session.completed', session);
    const results = await Promise.all(Array.from({ length: 8 }, () => deliver(event)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.filter((r) => r.body.outcome === 'processed')).toHaveLength(1);
    expect(await db.articlePurchase.count()).toBe(1);
  });

  it('deliveries arriving together are applied together; one that fails fails alone', async () => {
    const sessions = [];
    for (let i = 0; i < 5; i++) {
      await createPurchaseCheckout(await createReader(`buyer${i}@example.org`), await createPaidArticle(`10.1/t.${i}`));
      sessions.push(standIn.completeCheckout(String(lastSession().id)));
    }
    const metadata = sessions[0]!.metadata as Record<string, string>;
    const broken = { ...sessions[0]!, id: newId('cs'), metadata: { ...metadata, articleId: 'no-such-article' } };
    const events = [...sessions, broken].map((s) => makeEvent('checkout.session.completed', s));
    const results = await Promise.all(events.map(deliver));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(results.map((r) => r.body.outcome)).toEqual([...Array<string>(5).fill('processed'), 'unmatched']);
    expect(await db.stripeEvent.count({ where: { problem: null } })).toBe(5);
    expect(await db.articlePurchase.count()).toBe(5);
  });

  it('an event naming a user or article we do not have is answered 2xx (no retries for days) and shown to admins', async () => {
    const { session } = await paidPurchaseSession();
    const metadata = session.metadata as Record<string, string>;
    const strangers = [
      {
        ...session,
        id: newId('cs'),
        client_reference_id: 'no-such-user',
        metadata: { ...metadata, userId: 'no-such-user' },
      },
      { ...session, id: newId('cs'), metadata: { ...metadata, articleId: 'no-such-article' } },
    ].map((s) => makeEvent('checkout.session.completed', s));
    for (const event of strangers) {
      expect(await deliver(event)).toEqual({ status: 200, body: { received: true, outcome: 'unmatched' } });
      expect((await deliver(event)).body.outcome).toBe('duplicate');
    }
    expect(await db.articlePurchase.count()).toBe(0);
    const listed = await listUnmatchedStripeEvents();
    expect(listed.map((e) => e.id).sort()).toEqual(strangers.map((e) => e.id).sort());
    expect(listed[0]!.problem).toMatch(/names a user, article or checkout session this site does not have/);
    // The buyer's own event still works.
    expect((await deliver(makeEvent('checkout.session.completed', session))).body.outcome).toBe('processed');
  });

  it('a burst of purchases and one subscription’s events, with duplicates, converges exactly once', async () => {
    const { user, subscription } = await paidSubscription();
    const items = subscription.items as { data: { current_period_end: number }[] };
    items.data[0]!.current_period_end += 30 * 86400;
    const subscriptionEvents = [
      makeEvent('customer.subscription.created', subscription),
      makeEvent('customer.subscription.updated', subscription),
      makeEvent('invoice.paid', invoiceFor(subscription, 'paid')),
    ];
    const purchaseEvents = [];
    for (let i = 0; i < 4; i++) {
      await createPurchaseCheckout(await createReader(`burst${i}@example.org`), await createPaidArticle(`10.1/b.${i}`));
      purchaseEvents.push(makeEvent('checkout.session.completed', standIn.completeCheckout(String(lastSession().id))));
    }
    const unique = [...subscriptionEvents, ...purchaseEvents];
    const results = await Promise.all([...unique, ...unique].map(deliver));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.filter((r) => r.body.outcome === 'processed')).toHaveLength(unique.length);
    expect(await db.stripeEvent.count()).toBe(unique.length);
    expect(await db.articlePurchase.count()).toBe(4);
    expect(await db.billingInvoice.count()).toBe(1);
    const row = await db.subscription.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.currentPeriodEnd.getTime()).toBe(items.data[0]!.current_period_end * 1000);
    expect(await db.subscription.count()).toBe(1);
  });

  it('an async payment waits: nothing on completion, access on success, nothing on failure', async () => {
    const { session } = await paidPurchaseSession();
    const pending = { ...session, payment_status: 'unpaid' };
    await deliver(makeEvent('checkout.session.completed', pending));
    await deliver(makeEvent('checkout.session.async_payment_failed', pending));
    expect(await db.articlePurchase.count()).toBe(0);
    await deliver(makeEvent('checkout.session.async_payment_succeeded', session));
    expect(await db.articlePurchase.count()).toBe(1);
  });

  it('a full refund revokes the purchase with its reason; a partial refund does not', async () => {
    const { session } = await paidPurchaseSession();
    await deliver(makeEvent('checkout.session.completed', session));
    const charge = {
      id: newId('ch'),
      object: 'charge',
      payment_intent: session.payment_intent,
      amount: 3000,
      amount_refunded: 500,
      refunded: false,
    };
    await deliver(makeEvent('charge.refunded', charge));
    expect((await db.articlePurchase.findFirstOrThrow()).revokedAt).toBeNull();
    await deliver(makeEvent('charge.refunded', { ...charge, amount_refunded: 3000, refunded: true }));
    const purchase = await db.articlePurchase.findFirstOrThrow();
    expect(purchase.revokedAt).not.toBeNull();
    expect(purchase.revokedReason).toBe(`refund of charge ${charge.id}`);
  });

  it('a dispute that arrives before the checkout event still leaves the purchase revoked', async () => {
    const { session } = await paidPurchaseSession();
    const dispute = {
      id: newId('dp'),
      object: 'dispute',
      charge: newId('ch'),
      payment_intent: session.payment_intent,
      reason: 'fraudulent',
    };
    await deliver(makeEvent('charge.dispute.created', dispute));
    await deliver(makeEvent('checkout.session.completed', session));
    const purchase = await db.articlePurchase.findFirstOrThrow();
    expect(purchase.revokedReason).toBe(`dispute ${dispute.id} (fraudulent)`);
  });

  it('ignores a session whose metadata is not ours (or was tampered with)', async () => {
    const { session } = await paidPurchaseSession();
    const tampered = { ...session, metadata: { ...(session.metadata as object), userId: 'someone-else' } };
    expect((await deliver(makeEvent('checkout.session.completed', tampered))).status).toBe(200);
    expect(await db.articlePurchase.count()).toBe(0);
  });
});
