// Fault: an instance dies (SIGKILL) in the middle of a Stripe webhook, and Stripe delivers the same
// event again, to the other instance. Twice: while the dying instance waits on Stripe (its
// subscription re-read, held by the stand-in), and while it holds its database transaction open
// (blocked on a row this test locks). Either way exactly one entitlement must result.
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

export async function checkWebhookKill(options: { stack: Stack; standIn: StripeStandIn; db: Db }) {
  const { stack, standIn, db } = options;
  const [A, B] = stack.instances as [Stack['instances'][number], Stack['instances'][number]];
  const reader = await db.user.findUniqueOrThrow({ where: { email: 'reader@example.com' } });

  // 1. Killed while waiting for Stripe's answer to the subscription re-read.
  const firstId = newSubscription(standIn, reader.id);
  const first = makeEvent('customer.subscription.created', { id: firstId, object: 'subscription' });
  const hold = standIn.holdNext('GET', `/v1/subscriptions/${firstId}`);
  const onA = deliver(A.url, first);
  await hold.arrived;
  await A.kill('SIGKILL');
  hold.release();
  check('webhook: instance A killed while it waited on Stripe gave no answer', (await onA).startsWith('no answer'));
  const retry = await deliver(B.url, first);
  const again = await deliver(B.url, first);
  const afterFirst = await entitlements(db, firstId, first.id);
  check(
    'webhook: Stripe’s retry on B applies it, a second retry is a duplicate',
    retry === '200 processed' && again === '200 duplicate',
    `${retry}; ${again}`,
  );
  check(
    'webhook: exactly one entitlement after the kill and the retries',
    afterFirst.subscriptions === 1 && afterFirst.events === 1,
    `${afterFirst.subscriptions} subscription row(s), ${afterFirst.events} event row(s)`,
  );
  await A.start();

  // 2. Killed with its transaction open: the event row is written but not committed.
  const secondId = newSubscription(standIn, reader.id);
  const second = makeEvent('customer.subscription.updated', { id: secondId, object: 'subscription' });
  // Its row, as read long ago: the sync's UPDATE of it is where A blocks.
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
    let answerA2 = '';
    const onA2 = deliver(A.url, second).then((answer) => (answerA2 = answer));
    await waitUntil('A to block inside its transaction', async () => {
      if (answerA2) throw new Error(`A answered instead of blocking: ${answerA2}`);
      return (await waitersOn('Subscription')) > 0;
    });
    await A.kill('SIGKILL');
    const onB2 = deliver(B.url, second); // waits on A's uncommitted event row
    await waitUntil('B to wait on the event row', async () => (await waitersOn('StripeEvent')) > 0);
    // A's backend finishes the statement A sent before it died, then finds its client gone and
    // rolls the whole transaction back (the event row with it).
    await blocker.query('ROLLBACK');
    check('webhook: instance A killed inside its transaction gave no answer', (await onA2).startsWith('no answer'));
    const onB2Result = await onB2;
    const afterSecond = await entitlements(db, secondId, second.id);
    check(
      'webhook: the retry on B (waiting on A’s uncommitted row) applies it, or finds A’s statement applied it, once',
      ['200 processed', '200 duplicate'].includes(onB2Result) &&
        afterSecond.subscriptions === 1 &&
        afterSecond.events === 1,
      `${onB2Result}; ${afterSecond.subscriptions} subscription row(s), ${afterSecond.events} event row(s)`,
    );
  } finally {
    await Promise.all([blocker.end(), watcher.end()]);
    await A.start();
  }
}
