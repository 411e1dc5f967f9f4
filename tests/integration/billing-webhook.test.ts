import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

// The real Stripe SDK talks to our stand-in; the env must name it before the app's modules load.
const standIn = await vi.hoisted(async () => {
  const { startStripeStandIn } = await import('../support/stripe-stand-in');
  const { stripeTestEnv } = await import('../support/stripe-events');
  const server = await startStripeStandIn();
  Object.assign(process.env, stripeTestEnv(server.url));
  return server;
});

import { POST } from '@/app/api/stripe/webhook/route';
import { db } from '@/lib/db';
import { createPurchaseCheckout, createSubscriptionCheckout } from '@/lib/billing/create-checkout';
import { listUnmatchedStripeEvents } from '@/lib/billing/providers/stripe/handle-stripe-event';
import { createPaidArticle, createReader } from '../support/billing-fixtures';
import { resetDatabase } from '../support/reset-db';
import { makeEvent, webhookRequest, type TestEvent } from '../support/stripe-events';
import { newId, subscriptionObject } from '../support/stripe-stand-in';

const deliver = async (event: TestEvent) => {
  const res = await POST(webhookRequest(event));
  return { status: res.status, body: (await res.json()) as { outcome?: string; error?: string } };
};
const lastSession = () => [...standIn.state.sessions.values()].at(-1)!;

async function paidPurchaseSession() {
  const user = await createReader();
  const article = await createPaidArticle();
  await createPurchaseCheckout(user, article);
  const session = standIn.completeCheckout(String(lastSession().id));
  return { user, article, session };
}

async function paidSubscription() {
  const user = await createReader();
  await createSubscriptionCheckout(user, 'monthly', '/');
  const session = standIn.completeCheckout(String(lastSession().id));
  const subscription = standIn.state.subscriptions.get(String(session.subscription))!;
  return { user, session, subscription };
}

function invoiceFor(subscription: Record<string, unknown>, status: 'paid' | 'open', paymentIntent = newId('pi')) {
  const invoice = {
    id: newId('in'),
    object: 'invoice',
    customer: subscription.customer,
    status,
    amount_paid: status === 'paid' ? 2900 : 0,
    amount_due: 2900,
    currency: 'usd',
    created: Math.floor(Date.now() / 1000),
    hosted_invoice_url: 'https://invoice.stripe.test/i/1',
    parent: { type: 'subscription_details', subscription_details: { subscription: subscription.id } },
    payments: { object: 'list', data: [{ payment: { type: 'payment_intent', payment_intent: paymentIntent } }] },
  };
  standIn.state.invoices.set(invoice.id, invoice);
  return invoice;
}

beforeEach(resetDatabase);
afterAll(() => standIn.close());

describe('Stripe webhook: signatures', () => {
  it('answers a bad or missing signature with 400 and writes nothing', async () => {
    const { session } = await paidPurchaseSession();
    const event = makeEvent('checkout.session.completed', session);
    expect((await POST(webhookRequest(event, { secret: 'whsec_wrong' }))).status).toBe(400);
    expect((await POST(webhookRequest(event, { signature: null }))).status).toBe(400);
    expect(await db.stripeEvent.count()).toBe(0);
    expect(await db.articlePurchase.count()).toBe(0);
  });

  it('refuses a signature dated more than 5 minutes from now, either way (a replay stays a replay)', async () => {
    const { session } = await paidPurchaseSession();
    const event = makeEvent('checkout.session.completed', session);
    const now = Math.floor(Date.now() / 1000);
    for (const timestamp of [now + 600, now + 24 * 3600, now - 600]) {
      const res = await POST(webhookRequest(event, { timestamp }));
      expect(res.status, `signed at now${timestamp - now > 0 ? '+' : ''}${timestamp - now} s`).toBe(400);
    }
    expect(await db.stripeEvent.count()).toBe(0);
    expect(await db.articlePurchase.count()).toBe(0);
    // A clock a little ahead of ours is still believed.
    expect((await POST(webhookRequest(event, { timestamp: now + 120 }))).status).toBe(200);
    expect(await db.articlePurchase.count()).toBe(1);
  });

  it('refuses a header whose extra t= puts the signed time in the future', async () => {
    const { session } = await paidPurchaseSession();
    const event = makeEvent('checkout.session.completed', session);
    const future = Math.floor(Date.now() / 1000) + 3600;
    const signed = String(webhookRequest(event, { timestamp: future }).headers.get('stripe-signature'));
    const signature = `t=${Math.floor(Date.now() / 1000)},${signed}`;
    expect((await POST(webhookRequest(event, { signature }))).status).toBe(400);
    expect(await db.articlePurchase.count()).toBe(0);
  });

  it('answers events it does not handle with 2xx, so Stripe stops sending them', async () => {
    const res = await deliver(makeEvent('customer.created', { id: 'cus_1', object: 'customer' }));
    expect(res).toEqual({ status: 200, body: { received: true, outcome: 'ignored' } });
  });
});

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

describe('Stripe webhook: subscriptions', () => {
  it('subscription checkout, created and updated converge on Stripe’s state', async () => {
    const { user, session, subscription } = await paidSubscription();
    await deliver(makeEvent('customer.subscription.created', subscription));
    await deliver(makeEvent('checkout.session.completed', session));
    const row = await db.subscription.findFirstOrThrow();
    expect(row).toMatchObject({
      userId: user.id,
      plan: 'monthly',
      status: 'active',
      source: 'payment',
      cancelAtPeriodEnd: false,
    });
    subscription.cancel_at_period_end = true;
    await deliver(makeEvent('customer.subscription.updated', subscription));
    expect(await db.subscription.findFirstOrThrow()).toMatchObject({ status: 'active', cancelAtPeriodEnd: true });
    expect(await db.subscription.count()).toBe(1);
  });

  it('a deleted that arrives before an older updated leaves the subscription ended', async () => {
    const { subscription } = await paidSubscription();
    const olderUpdate = makeEvent('customer.subscription.updated', { ...subscription }, { created: 1000 });
    Object.assign(subscription, { status: 'canceled', ended_at: Math.floor(Date.now() / 1000) });
    await deliver(makeEvent('customer.subscription.deleted', { ...subscription }, { created: 2000 }));
    await deliver(olderUpdate);
    expect((await db.subscription.findFirstOrThrow()).status).toBe('canceled');
  });

  it('invoice.paid records the invoice and moves the period on; a late payment_failed does not undo it', async () => {
    const { user, subscription } = await paidSubscription();
    await deliver(makeEvent('customer.subscription.created', subscription));
    const items = subscription.items as { data: { current_period_end: number }[] };
    items.data[0]!.current_period_end += 30 * 86400;
    const invoice = invoiceFor(subscription, 'paid');
    await deliver(makeEvent('invoice.paid', invoice));
    await deliver(makeEvent('invoice.payment_failed', { ...invoice, status: 'open' }));
    expect(await db.billingInvoice.findFirstOrThrow()).toMatchObject({
      userId: user.id,
      status: 'paid',
      amountCents: 2900,
    });
    expect((await db.subscription.findFirstOrThrow()).currentPeriodEnd.getTime()).toBe(
      items.data[0]!.current_period_end * 1000,
    );
  });

  it('invoice.payment_failed makes the subscription past_due as Stripe reports it', async () => {
    const { subscription } = await paidSubscription();
    subscription.status = 'past_due';
    await deliver(makeEvent('invoice.payment_failed', invoiceFor(subscription, 'open')));
    expect(await db.billingInvoice.findFirstOrThrow()).toMatchObject({ status: 'open', amountCents: 2900 });
    expect((await db.subscription.findFirstOrThrow()).status).toBe('past_due');
  });

  it('a refund or dispute of a subscription payment revokes the subscription, in either order', async () => {
    const { subscription } = await paidSubscription();
    const paymentIntent = newId('pi');
    const charge = {
      id: newId('ch'),
      object: 'charge',
      payment_intent: paymentIntent,
      amount: 2900,
      amount_refunded: 2900,
      refunded: true,
    };
    await deliver(makeEvent('charge.refunded', charge));
    await deliver(makeEvent('invoice.paid', invoiceFor(subscription, 'paid', paymentIntent)));
    const row = await db.subscription.findFirstOrThrow();
    expect(row.revokedReason).toBe(`refund of charge ${charge.id}`);
    // No access, so no more charges: the subscription is cancelled in Stripe too.
    expect(standIn.state.subscriptions.get(String(subscription.id))!.status).toBe('canceled');
    await deliver(makeEvent('customer.subscription.updated', subscription));
    expect((await db.subscription.findFirstOrThrow()).revokedAt).toEqual(row.revokedAt);
  });

  it('a refund before the invoice revokes a subscription already here, whether or not the invoice re-syncs it', async () => {
    for (const newerReadWritten of [false, true]) {
      await resetDatabase();
      const { subscription } = await paidSubscription();
      await deliver(makeEvent('customer.subscription.created', subscription));
      // A newer read of the subscription already written: the invoice's own read is skipped.
      if (newerReadWritten) {
        await db.subscription.update({
          where: {
            provider_providerSubscriptionId: { provider: 'stripe', providerSubscriptionId: String(subscription.id) },
          },
          data: { providerReadAt: new Date(Date.now() + 60_000) },
        });
      }
      const paymentIntent = newId('pi');
      const charge = {
        id: newId('ch'),
        object: 'charge',
        payment_intent: paymentIntent,
        amount: 2900,
        amount_refunded: 2900,
      };
      await deliver(makeEvent('charge.refunded', { ...charge, refunded: true }));
      await deliver(makeEvent('invoice.paid', invoiceFor(subscription, 'paid', paymentIntent)));
      expect(await db.subscription.findFirstOrThrow()).toMatchObject({
        revokedReason: `refund of charge ${charge.id}`,
      });
      expect(await db.billingInvoice.count()).toBe(1);
    }
  });

  it('a dispute of a paid subscription invoice revokes it and stops its billing in Stripe', async () => {
    const { subscription } = await paidSubscription();
    const paymentIntent = newId('pi');
    await deliver(makeEvent('invoice.paid', invoiceFor(subscription, 'paid', paymentIntent)));
    expect(standIn.state.subscriptions.get(String(subscription.id))!.status).toBe('active');
    const dispute = {
      id: newId('dp'),
      object: 'dispute',
      charge: newId('ch'),
      payment_intent: paymentIntent,
      reason: 'fraudulent',
    };
    await deliver(makeEvent('charge.dispute.created', dispute));
    expect(standIn.state.subscriptions.get(String(subscription.id))!.status).toBe('canceled');
    expect((await db.subscription.findFirstOrThrow()).revokedReason).toBe(`dispute ${dispute.id} (fraudulent)`);
    // Redelivered: nothing more to do in Stripe or here.
    expect((await deliver(makeEvent('charge.dispute.created', dispute))).status).toBe(200);
  });

  it('a subscription or invoice of a customer we never created is answered 2xx and writes nothing', async () => {
    const foreign = subscriptionObject(newId('sub'), 'cus_not_ours', 'price_monthly_test', {});
    standIn.putSubscription(foreign);
    expect((await deliver(makeEvent('customer.subscription.created', foreign))).status).toBe(200);
    expect((await deliver(makeEvent('invoice.paid', invoiceFor(foreign, 'paid')))).status).toBe(200);
    expect(await db.subscription.count()).toBe(0);
    expect(await db.billingInvoice.count()).toBe(0);
  });

  it('a failure while handling answers 5xx, records nothing, and the retry succeeds', async () => {
    const { subscription } = await paidSubscription();
    standIn.state.subscriptions.delete(String(subscription.id));
    const event = makeEvent('customer.subscription.updated', subscription);
    expect((await deliver(event)).status).toBe(500);
    expect(await db.stripeEvent.count()).toBe(0);
    standIn.putSubscription(subscription);
    expect((await deliver(event)).body.outcome).toBe('processed');
    expect(await db.subscription.count()).toBe(1);
  });
});
