// Fault: an instance dies (SIGKILL) while its job worker applies a Stripe event the webhook had
// already answered 2xx (recorded and queued). Twice: while the worker waits on Stripe (its
// subscription re-read, held by the stand-in), and while it holds the event's transaction open
// (blocked on a row this test locks). The job survives in PostgreSQL; once the dead worker's claim
// is older than JOB_STALE_LOCK_SECONDS another instance takes it over, and Stripe's redelivery
// changes nothing. Either way exactly one entitlement must result.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { db } from '../../lib/db';
import { makeEvent, webhookRequest } from '../../tests/support/stripe-events';
import { subscriptionObject, type StripeStandIn } from '../../tests/support/stripe-stand-in';
import { check } from './checks';
import type { Stack } from './stack';

type Db = typeof db;

/** Resolves when `isDone` says so; gives up after ~30 s (the step it waits for never came). */
async function waitUntil(what: string, isDone: () => Promise<boolean>) {
  for (let i = 0; i < 300; i++) {
    if (await isDone()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

function deliver(base: string, event: ReturnType<typeof makeEvent>): Promise<string> {
  return fetch(webhookRequest(event, { url: `${base}/api/stripe/webhook` })).then(
    async (res) => `${res.status} ${((await res.json()) as { outcome?: string }).outcome ?? ''}`.trim(),
    () => 'no answer (connection lost)',
  );
}

async function entitlements(db: Db, subscriptionId: string, eventId: string) {
  const subscriptions = await db.subscription.count({
    where: { provider: 'stripe', providerSubscriptionId: subscriptionId },
  });
  const events = await db.stripeEvent.count({ where: { id: eventId } });
  return { subscriptions, events };
}

function newSubscription(standIn: StripeStandIn, userId: string) {
  const id = `sub_fault_${randomBytes(6).toString('hex')}`;
  standIn.putSubscription(subscriptionObject(id, 'cus_fault', 'price_annual_test', { userId }, 365));
  return id;
}

/** Until the event is applied (its StripeEvent row), at most a minute; then what there is. */
async function appliedOnce(db: Db, subscriptionId: string, eventId: string) {
  for (let i = 0; i < 600 && (await entitlements(db, subscriptionId, eventId)).events === 0; i++)
    await new Promise((r) => setTimeout(r, 100));
  return entitlements(db, subscriptionId, eventId);
}

export async function checkWebhookKill(options: { stack: Stack; standIn: StripeStandIn; db: Db }) {
  const { stack, standIn, db } = options;
  const [A, B] = stack.instances as [Stack['instances'][number], Stack['instances'][number]];
  const reader = await db.user.findUniqueOrThrow({ where: { email: 'reader@example.com' } });

  // 1. Killed while its worker waited for Stripe's answer to the subscription re-read. Only A
  // runs, so A's worker is the one that claims the job.
  await B.kill('SIGTERM');
  const firstId = newSubscription(standIn, reader.id);
  const first = makeEvent('customer.subscription.created', { id: firstId, object: 'subscription' });
  const hold = standIn.holdNext('GET', `/v1/subscriptions/${firstId}`);
  const answer = await deliver(A.url, first);
  check('webhook: answered 2xx once recorded and queued, before it is applied', answer === '200 queued', answer);
  await hold.arrived;
  await A.kill('SIGKILL');
  hold.release();
  await Promise.all([A.start(), B.start()]);
  // Stripe delivers it again: on its way already (or due again at once), never applied twice.
  const again = await deliver(B.url, first);
  const afterFirst = await appliedOnce(db, firstId, first.id);
  check(
    'webhook: the job of the instance killed while it waited on Stripe is taken over and applied once',
    ['200 queued', '200 duplicate'].includes(again) && afterFirst.subscriptions === 1 && afterFirst.events === 1,
    `redelivery ${again}; ${afterFirst.subscriptions} subscription row(s), ${afterFirst.events} event row(s)`,
  );

  // 2. Killed with the event's transaction open: its event row is written but not committed.
  await B.kill('SIGTERM');
  const secondId = newSubscription(standIn, reader.id);
  const second = makeEvent('customer.subscription.updated', { id: secondId, object: 'subscription' });
  // Its row, as read long ago: the sync's UPDATE of it is where A's worker blocks.
  await db.subscription.create({
    data: {
      userId: reader.id,
      plan: 'annual',
      status: 'active',
      source: 'payment',
      startsAt: new Date(0),
      currentPeriodEnd: new Date(0),
      provider: 'stripe',
      providerSubscriptionId: secondId,
      providerReadAt: new Date(0),
    },
  });
  const blocker = new pg.Client({ connectionString: stack.databaseUrl });
  // A connection of its own: inside the blocker's transaction pg_stat_activity is one snapshot.
  const watcher = new pg.Client({ connectionString: stack.databaseUrl });
  await Promise.all([blocker.connect(), watcher.connect()]);
  try {
    await blocker.query('BEGIN');
    await blocker.query('SELECT 1 FROM "Subscription" WHERE "providerSubscriptionId" = $1 FOR UPDATE', [secondId]);
    const waitersOn = async (table: string) =>
      Number(
        (
          await watcher.query<{ n: string }>(
            `SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE $1`,
            [`%"${table}"%`],
          )
        ).rows[0]?.n,
      );
    const answer2 = await deliver(A.url, second);
    check('webhook: the second event is answered 2xx once queued', answer2 === '200 queued', answer2);
    await waitUntil('A’s worker to block inside its transaction', async () => (await waitersOn('Subscription')) > 0);
    await A.kill('SIGKILL');
    // A's backend finishes the statement A sent before it died, then finds its client gone and
    // rolls the whole transaction back (the event row with it).
    await blocker.query('ROLLBACK');
    await Promise.all([A.start(), B.start()]);
    const afterSecond = await appliedOnce(db, secondId, second.id);
    check(
      'webhook: the job of the instance killed inside its transaction is taken over and applied once',
      afterSecond.subscriptions === 1 && afterSecond.events === 1,
      `${afterSecond.subscriptions} subscription row(s), ${afterSecond.events} event row(s)`,
    );
  } finally {
    await Promise.all([blocker.end(), watcher.end()]);
    await Promise.all([A.start(), B.start()]);
  }
}
