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
import { resetDatabase } from '../support/reset-db';
import { runQueuedJobs } from '../support/run-queued-jobs';
import { makeEvent, webhookRequest } from '../support/stripe-events';
import { webhookTestKit } from '../support/webhook-test-kit';

const { deliver, paidPurchaseSession } = webhookTestKit(standIn);

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
    await runQueuedJobs();
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
