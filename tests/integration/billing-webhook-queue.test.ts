// The Stripe webhook on the job queue: the route answers once the event is recorded and its
// customer's job queued (nothing applied yet), a worker applies it, a customer's events share one
// job and apply in the order received, and an event whose last attempt failed is listed for
// admins with its error until Retry applies it. Applied events lose their bodies once past
// their retention, and stay duplicates.
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

const standIn = await vi.hoisted(async () => {
  const { startStripeStandIn } = await import('../support/stripe-stand-in');
  const { stripeTestEnv } = await import('../support/stripe-events');
  const server = await startStripeStandIn();
  // One attempt: a failure goes to the failure list at once (read by lib/env when first imported).
  Object.assign(process.env, stripeTestEnv(server.url), { STRIPE_EVENT_MAX_ATTEMPTS: '1' });
  return server;
});

import { POST } from '@/app/api/stripe/webhook/route';
import { listJobFailures, retryFailedJob } from '@/lib/admin/job-failures';
import { parseCrontab } from 'graphile-worker';
import { applyReceivedStripeEvents } from '@/lib/billing/providers/stripe/apply-received-stripe-events';
import {
  pruneStripeEventBodies,
  STRIPE_EVENT_BODY_RETENTION_DAYS,
} from '@/lib/billing/providers/stripe/prune-stripe-event-bodies';
import type { CurrentUser } from '@/lib/auth/current-user';
import {
  listUnmatchedStripeEvents,
  stripeEventJobKey,
  stripeObjectJobKey,
} from '@/lib/billing/providers/stripe/handle-stripe-event';
import { createSubscriptionCheckout } from '@/lib/billing/create-checkout';
import { db } from '@/lib/db';
import { enqueueJobs } from '@/lib/jobs/enqueue-jobs';
import { jobCrontab } from '@/lib/jobs/job-tasks';
import { createReader } from '../support/billing-fixtures';
import { resetDatabase } from '../support/reset-db';
import { runQueuedJobs } from '../support/run-queued-jobs';
import { makeEvent, webhookRequest, type TestEvent } from '../support/stripe-events';
import { newId, subscriptionObject } from '../support/stripe-stand-in';
import { webhookTestKit } from '../support/webhook-test-kit';

const { paidPurchaseSession, paidSubscription, lastSession } = webhookTestKit(standIn);

const acknowledge = async (event: TestEvent) => {
  const res = await POST(webhookRequest(event));
  return { status: res.status, body: (await res.json()) as { outcome?: string } };
};
const jobsKeyed = (key: string) =>
  db.$queryRaw<{ task: string; attempts: number }[]>`
    SELECT task_identifier AS task, attempts FROM graphile_worker.jobs WHERE key = ${key}`;
const jobOf = async (eventId: string) => (await jobsKeyed(stripeEventJobKey(eventId)))[0];
/** The job that applies a customer's received events. */
const customerJobs = (customerId: unknown) => jobsKeyed(stripeObjectJobKey(String(customerId)));

beforeEach(resetDatabase);
afterAll(() => standIn.close());

describe('Stripe webhook: the job queue', () => {
  it('answers 2xx once the event is recorded and queued; the worker then applies it', async () => {
    const { session } = await paidPurchaseSession();
    const event = makeEvent('checkout.session.completed', session);
    expect(await acknowledge(event)).toEqual({ status: 200, body: { received: true, outcome: 'queued' } });
    expect(await db.receivedStripeEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({
      type: 'checkout.session.completed',
      objectId: session.customer,
    });
    expect(await db.articlePurchase.count()).toBe(0);
    expect(await customerJobs(session.customer)).toEqual([{ task: 'apply-stripe-events', attempts: 0 }]);
    // Redelivered before the worker came to it: still one job, and it will apply once.
    expect((await acknowledge(event)).body.outcome).toBe('duplicate');
    expect(await customerJobs(session.customer)).toHaveLength(1);
    await runQueuedJobs();
    expect(await db.articlePurchase.count()).toBe(1);
    expect(await db.stripeEvent.count()).toBe(1);
    expect(await jobOf(event.id)).toBeUndefined();
    expect(await customerJobs(session.customer)).toEqual([]);
    expect((await acknowledge(event)).body.outcome).toBe('duplicate');
    await runQueuedJobs();
    expect(await db.articlePurchase.count()).toBe(1);
  });

  it('a customer’s events share one job, applied in the order received', async () => {
    const { subscription } = await paidSubscription();
    const created = makeEvent('customer.subscription.created', subscription);
    const deleted = makeEvent('customer.subscription.deleted', subscription);
    await acknowledge(created);
    await acknowledge(deleted);
    expect(await customerJobs(subscription.customer)).toEqual([{ task: 'apply-stripe-events', attempts: 0 }]);
    await runQueuedJobs();
    const applied = await db.stripeEvent.findMany({ orderBy: { processedAt: 'asc' } });
    expect(applied.map((e) => e.id)).toEqual([created.id, deleted.id]);
  });

  it('one worker at a time applies a customer’s events: a second finds them taken and leaves them', async () => {
    const { subscription } = await paidSubscription();
    const created = makeEvent('customer.subscription.created', subscription);
    const deleted = makeEvent('customer.subscription.deleted', subscription);
    await acknowledge(created);
    await acknowledge(deleted);
    const hold = standIn.holdNext('GET', `/v1/subscriptions/${String(subscription.id)}`);
    const first = applyReceivedStripeEvents(String(subscription.customer));
    await hold.arrived;
    // The first worker waits on Stripe for the created event: the second must not apply `deleted`.
    await applyReceivedStripeEvents(String(subscription.customer));
    expect(await db.stripeEvent.count()).toBe(0);
    hold.release();
    await first;
    const applied = await db.stripeEvent.findMany({ orderBy: { processedAt: 'asc' } });
    expect(applied.map((e) => e.id)).toEqual([created.id, deleted.id]);
  });

  it('an event that fails does not hold back its customer’s later ones', async () => {
    const { user, subscription } = await paidSubscription();
    const missing = subscriptionObject(newId('sub'), String(subscription.customer), 'price_monthly_test', {
      userId: user.id,
    });
    const failing = makeEvent('customer.subscription.updated', missing);
    // Its write fails (no such article): recorded as unmatched, on its own.
    const unmatched = makeEvent('checkout.session.completed', {
      id: newId('cs'),
      object: 'checkout.session',
      mode: 'payment',
      payment_status: 'paid',
      customer: subscription.customer,
      client_reference_id: user.id,
      metadata: { kind: 'purchase', userId: user.id, articleId: 'no-such-article' },
      amount_total: 3000,
      currency: 'usd',
      payment_intent: newId('pi'),
      subscription: null,
    });
    const created = makeEvent('customer.subscription.created', subscription);
    for (const event of [failing, unmatched, created]) await acknowledge(event);
    await runQueuedJobs();
    expect(await db.subscription.count()).toBe(1);
    expect((await listJobFailures()).map((f) => f.key)).toEqual([stripeEventJobKey(failing.id)]);
    expect((await listUnmatchedStripeEvents()).map((e) => e.id)).toEqual([unmatched.id]);
  });

  it('an event that failed its last attempt is listed with its error; Retry (audited) applies it', async () => {
    const admin = await db.user.create({
      data: { email: 'admin@example.org', name: 'Admin', passwordHash: 'x', role: 'admin' },
    });
    const actor: CurrentUser = { ...admin, role: 'admin', emailVerified: true, sessionId: 'test-session' };
    const { subscription } = await paidSubscription();
    standIn.state.subscriptions.delete(String(subscription.id));
    const event = makeEvent('customer.subscription.updated', subscription);
    expect((await acknowledge(event)).status).toBe(200);
    await runQueuedJobs();
    const [failure] = await listJobFailures();
    expect(failure).toMatchObject({
      task: 'apply-stripe-event',
      key: stripeEventJobKey(event.id),
      eventType: 'customer.subscription.updated',
      attempts: 1,
    });
    expect(failure!.lastError).toMatch(/No such subscription/);
    expect(await db.stripeEvent.count()).toBe(0);
    expect(await db.subscription.count()).toBe(0);

    standIn.putSubscription(subscription);
    await retryFailedJob(actor, { jobId: failure!.id });
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: 'job.retry' } })).toMatchObject({
      actorId: admin.id,
      targetId: failure!.id,
    });
    await runQueuedJobs();
    expect(await listJobFailures()).toEqual([]);
    expect(await db.subscription.count()).toBe(1);
    expect(await db.stripeEvent.count()).toBe(1);
  });
});

describe('Stripe webhook: the bodies of applied events', () => {
  const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000);
  const bodyOf = async (id: string) => (await db.receivedStripeEvent.findUniqueOrThrow({ where: { id } })).body;
  /** A paid subscription of a reader of its own (so a Stripe customer of its own). */
  async function subscriptionOf(email: string) {
    await createSubscriptionCheckout(await createReader(email), 'monthly', '/');
    const session = standIn.completeCheckout(String(lastSession().id));
    return standIn.state.subscriptions.get(String(session.subscription))!;
  }

  it(`are cleared ${STRIPE_EVENT_BODY_RETENTION_DAYS} days after they applied, by a daily job; the row stays, so a replay changes nothing`, async () => {
    expect(parseCrontab(jobCrontab).map((item) => item.task)).toContain('prune-stripe-event-bodies');
    const { session } = await paidPurchaseSession();
    const old = makeEvent('checkout.session.completed', session);
    const recent = makeEvent('customer.subscription.created', await subscriptionOf('recent@example.org'));
    // Stripe no longer knows this subscription: its event fails and waits on the failure list.
    const gone = await subscriptionOf('gone@example.org');
    standIn.state.subscriptions.delete(String(gone.id));
    const failed = makeEvent('customer.subscription.updated', gone);
    for (const event of [old, recent, failed]) await acknowledge(event);
    await runQueuedJobs();
    expect((await listJobFailures()).map((f) => f.key)).toEqual([stripeEventJobKey(failed.id)]);
    // Received, not applied yet: another instance's worker is draining its customer.
    const waiting = await subscriptionOf('waiting@example.org');
    await db.stripeEventDrain.create({ data: { objectId: String(waiting.customer), claimedBy: 'another-instance' } });
    const pending = makeEvent('customer.subscription.created', waiting);
    expect((await acknowledge(pending)).body.outcome).toBe('queued');

    const retention = STRIPE_EVENT_BODY_RETENTION_DAYS;
    await db.stripeEvent.update({ where: { id: old.id }, data: { processedAt: daysAgo(retention + 1) } });
    await db.stripeEvent.update({ where: { id: recent.id }, data: { processedAt: daysAgo(retention - 1) } });
    // Received long ago, but never applied: their age does not count.
    await db.receivedStripeEvent.updateMany({
      where: { id: { in: [old.id, recent.id, failed.id, pending.id] } },
      data: { receivedAt: daysAgo(retention * 2) },
    });
    const before = new Map((await db.receivedStripeEvent.findMany()).map((r) => [r.id, r.body] as const));
    expect([...before.values()].every((body) => body !== null)).toBe(true);

    await enqueueJobs(db, [{ task: 'prune-stripe-event-bodies', payload: {}, key: 'prune-now' }]);
    await runQueuedJobs();
    expect(await bodyOf(old.id)).toBeNull();
    for (const { id } of [recent, failed, pending]) expect(await bodyOf(id), id).toBe(before.get(id));
    expect(await db.receivedStripeEvent.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({
      type: 'checkout.session.completed',
      objectId: session.customer,
    });
    expect(await db.stripeEvent.count({ where: { id: pending.id } })).toBe(0);

    // Stripe replays the pruned event: still a duplicate, applied once.
    const purchases = await db.articlePurchase.count();
    expect(await acknowledge(old)).toEqual({ status: 200, body: { received: true, outcome: 'duplicate' } });
    await runQueuedJobs();
    expect(await db.articlePurchase.count()).toBe(purchases);
    expect(await customerJobs(session.customer)).toEqual([]);
    expect(await bodyOf(old.id)).toBeNull();
  });

  it('clears a backlog of many batches at once (the first run after an upgrade)', async () => {
    const count = 2_345;
    await db.$executeRaw`
      INSERT INTO "ReceivedStripeEvent" ("id", "type", "objectId", "body")
      SELECT 'evt_backlog_' || n, 'invoice.paid', 'cus_backlog', '{}' FROM generate_series(1, ${count}) n`;
    await db.$executeRaw`
      INSERT INTO "StripeEvent" ("id", "type", "processedAt")
      SELECT id, type, ${daysAgo(STRIPE_EVENT_BODY_RETENTION_DAYS + 5)} FROM "ReceivedStripeEvent"`;
    expect(await pruneStripeEventBodies()).toBe(count);
    expect(await db.receivedStripeEvent.count({ where: { body: { not: null } } })).toBe(0);
    expect(await db.receivedStripeEvent.count()).toBe(count);
    expect(await pruneStripeEventBodies()).toBe(0);
  });
});
