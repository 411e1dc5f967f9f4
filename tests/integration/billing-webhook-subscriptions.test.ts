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
import { resetDatabase } from '../support/reset-db';
import { makeEvent } from '../support/stripe-events';
import { newId, subscriptionObject } from '../support/stripe-stand-in';
import { webhookTestKit } from '../support/webhook-test-kit';

const { deliver, paidSubscription, invoiceFor } = webhookTestKit(standIn);

beforeEach(resetDatabase);
afterAll(() => standIn.close());

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
