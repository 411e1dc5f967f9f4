// Stripe webhooks: 1,000 signed events (10% duplicates, shuffled) through the webhook route
// handler, 20 at a time, on a fresh embedded database with the Stripe stand-in answering the
// SDK's re-reads, after an untimed warm-up of 200 other events. As under `npm start`, the database
// runs in this process and the app in another (webhook-deliveries.ts); the stand-in runs in a
// third, as Stripe is remote. Measures events/s and checks every effect happened exactly once.
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedDatabase } from '../lib/embedded-db';
import { applyMigrations } from '../lib/schema-engine';
import { subscriptionObject, newId } from '../../tests/support/stripe-stand-in';
import { makeEvent, stripeTestEnv, type TestEvent } from '../../tests/support/stripe-events';

const TOTAL = Number(process.env.BENCH_EVENTS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
// Delivered first and not timed: a server that has run for a while has its code compiled and its
// database connections open. Its effects count in the exactly-once check.
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 200);

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

type User = { id: string; customerId: string };
type Round = { unique: TestEvent[]; deliveries: TestEvent[]; subscriptions: Record<string, unknown>[] };

/** `total` deliveries: 45% purchases, 15% subscriptions (created, updated, invoice.paid), 10% duplicates. */
function makeRound(total: number, users: User[], articleId: string): Round {
  const unique: TestEvent[] = [];
  const subscriptions: Record<string, unknown>[] = [];
  for (let i = 0; i < Math.round(total * 0.45); i++) {
    const user = users[i % users.length]!;
    const session = {
      id: `cs_bench_${randomUUID()}`,
      object: 'checkout.session',
      mode: 'payment',
      payment_status: 'paid',
      client_reference_id: user.id,
      metadata: { kind: 'purchase', userId: user.id, articleId },
      amount_total: 3000,
      currency: 'usd',
      payment_intent: newId('pi'),
      subscription: null,
    };
    unique.push(makeEvent('checkout.session.completed', session));
  }
  for (let i = 0; i < Math.round(total * 0.15); i++) {
    const user = users[i % users.length]!;
    const subscription = subscriptionObject(newId('sub'), user.customerId, 'price_monthly_test', { userId: user.id });
    subscriptions.push(subscription);
    const invoice = {
      id: newId('in'),
      object: 'invoice',
      customer: subscription.customer,
      status: 'paid',
      amount_paid: 2900,
      amount_due: 2900,
      currency: 'usd',
      created: Math.floor(Date.now() / 1000),
      hosted_invoice_url: null,
      parent: { type: 'subscription_details', subscription_details: { subscription: subscription.id } },
      payments: { object: 'list', data: [{ payment: { type: 'payment_intent', payment_intent: newId('pi') } }] },
    };
    unique.push(
      makeEvent('customer.subscription.created', subscription),
      makeEvent('customer.subscription.updated', subscription),
      makeEvent('invoice.paid', invoice),
    );
  }
  const duplicates = Array.from({ length: total - unique.length }, (_, i) => unique[(i * 7919) % unique.length]!);
  return { unique, deliveries: shuffle([...unique, ...duplicates]), subscriptions };
}

const countOf = (round: Round, type: string) => round.unique.filter((e) => e.type === type).length;

export type WebhookFigures = {
  delivered: number;
  duplicates: number;
  concurrency: number;
  perSecond: number;
  statuses: Record<string, number>;
  counts: string;
  isExactlyOnce: boolean;
};

export async function benchWebhooks(): Promise<WebhookFigures> {
  const database = await startEmbeddedDatabase({ dataDir: 'memory://', maxConnections: 50 });
  await applyMigrations(database.url);
  // The app's env is read once on import: set it first, then load the app's modules.
  Object.assign(process.env, { DATABASE_URL: database.url });
  const { db } = await import('@/lib/db');

  const journal = await db.journal.create({ data: { slug: 'bench', title: 'Bench', abbreviation: 'B' } });
  const article = await db.article.create({
    data: {
      doi: '10.1000/bench.1',
      journalId: journal.id,
      articleType: 'research-article',
      title: 'Bench',
      previewHtml: '',
      fullTextHtml: '',
    },
  });
  const users = await Promise.all(
    Array.from({ length: 100 }, (_, i) =>
      db.user.create({
        data: {
          email: `bench${i}@example.org`,
          name: `Bench ${i}`,
          passwordHash: 'x',
          billingCustomer: { create: { stripeCustomerId: `cus_bench_${i}` } },
        },
        select: { id: true, billingCustomer: { select: { stripeCustomerId: true } } },
      }),
    ),
  );
  const customers = users.map((u) => ({ id: u.id, customerId: u.billingCustomer!.stripeCustomerId }));
  const warmUp = makeRound(WARM_UP, customers, article.id);
  const measured = makeRound(TOTAL, customers, article.id);

  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-webhooks-'));
  const eventsFile = path.join(folder, 'events.json');
  const subscriptionsFile = path.join(folder, 'subscriptions.json');
  fs.writeFileSync(eventsFile, JSON.stringify({ warmUp: warmUp.deliveries, measured: measured.deliveries }));
  fs.writeFileSync(subscriptionsFile, JSON.stringify([...warmUp.subscriptions, ...measured.subscriptions]));
  const standIn = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'stripe-stand-in-process.ts'), subscriptionsFile],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const standInUrl = await new Promise<string>((resolve) =>
    standIn.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())),
  );
  // Asynchronously: this process's event loop serves the database meanwhile.
  const child = promisify(execFile)(
    process.execPath,
    [
      '--conditions=react-server',
      '--import',
      'tsx',
      path.join(import.meta.dirname, 'webhook-deliveries.ts'),
      eventsFile,
    ],
    {
      // As the production server runs (Prisma, for one, skips its call-site stack traces then).
      env: {
        ...process.env,
        ...stripeTestEnv(standInUrl),
        NODE_ENV: 'production',
        BENCH_CONCURRENCY: String(CONCURRENCY),
      },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  // A failed app side must not leave the stand-in (and so this process) running.
  const { stdout, stderr } = await child.catch((error: unknown) => {
    standIn.kill('SIGTERM');
    throw error;
  });
  if (stderr) console.error(stderr.slice(0, 4000));
  const { seconds, statuses } = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
    seconds: number;
    statuses: Record<string, number>;
  };

  const [events, purchases, distinctSessions, subscriptions, invoices] = await Promise.all([
    db.stripeEvent.count(),
    db.articlePurchase.count(),
    db.articlePurchase.groupBy({ by: ['providerCheckoutId'] }).then((g) => g.length),
    db.subscription.count(),
    db.billingInvoice.count(),
  ]);
  const expect = (type: string) => countOf(warmUp, type) + countOf(measured, type);
  const expected = {
    events: warmUp.unique.length + measured.unique.length,
    purchases: expect('checkout.session.completed'),
    subscriptions: expect('customer.subscription.created'),
    invoices: expect('invoice.paid'),
  };
  const isExactlyOnce =
    events === expected.events &&
    purchases === expected.purchases &&
    distinctSessions === expected.purchases &&
    subscriptions === expected.subscriptions &&
    invoices === expected.invoices;
  await db.$disconnect();
  standIn.kill('SIGTERM');
  await database.stop();
  return {
    delivered: measured.deliveries.length,
    duplicates: measured.deliveries.length - measured.unique.length,
    concurrency: CONCURRENCY,
    perSecond: measured.deliveries.length / seconds,
    statuses,
    counts: `with the warm-up's ${warmUp.deliveries.length}: events ${events}/${expected.events}, purchases ${purchases}/${expected.purchases}, subscriptions ${subscriptions}/${expected.subscriptions}, invoices ${invoices}/${expected.invoices}`,
    isExactlyOnce: isExactlyOnce && statuses['200'] === measured.deliveries.length,
  };
}
