// Stripe webhooks: 1,000 signed events (10% duplicates, shuffled) through the webhook route
// handler, 20 at a time, on a fresh embedded database with the Stripe stand-in answering the
// SDK's re-reads. As under `npm start`, the database runs in this process and the app in another
// (webhook-deliveries.ts); the stand-in runs in a third, as Stripe is remote. Measures events/s
// and checks every effect happened exactly once.
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
const PURCHASES = Math.round(TOTAL * 0.45);
const SUBSCRIPTIONS = Math.round(TOTAL * 0.15); // three events each: created, updated, invoice.paid

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

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
      }),
    ),
  );

  const unique: TestEvent[] = [];
  const standInSubscriptions: Record<string, unknown>[] = [];
  for (let i = 0; i < PURCHASES; i++) {
    const user = users[i % users.length]!;
    const metadata = { kind: 'purchase', userId: user.id, articleId: article.id };
    const session = {
      id: `cs_bench_${randomUUID()}`,
      object: 'checkout.session',
      mode: 'payment',
      payment_status: 'paid',
      client_reference_id: user.id,
      metadata,
      amount_total: 3000,
      currency: 'usd',
      payment_intent: newId('pi'),
      subscription: null,
    };
    unique.push(makeEvent('checkout.session.completed', session));
  }
  for (let i = 0; i < SUBSCRIPTIONS; i++) {
    const user = users[i % users.length]!;
    const subscription = subscriptionObject(newId('sub'), `cus_bench_${i % users.length}`, 'price_monthly_test', {
      userId: user.id,
    });
    standInSubscriptions.push(subscription);
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
  const duplicates = Array.from({ length: TOTAL - unique.length }, (_, i) => unique[(i * 7919) % unique.length]!);
  const deliveries = shuffle([...unique, ...duplicates]);

  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-webhooks-'));
  const eventsFile = path.join(folder, 'events.json');
  const subscriptionsFile = path.join(folder, 'subscriptions.json');
  fs.writeFileSync(eventsFile, JSON.stringify(deliveries));
  fs.writeFileSync(subscriptionsFile, JSON.stringify(standInSubscriptions));
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
      env: { ...process.env, ...stripeTestEnv(standInUrl), BENCH_CONCURRENCY: String(CONCURRENCY) },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const { stdout, stderr } = await child;
  if (stderr) console.error(stderr.slice(0, 4000));
  const { seconds, statuses } = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
    seconds: number;
    statuses: Record<string, number>;
  };

  const [events, purchases, distinctSessions, subscriptions, invoices] = await Promise.all([
    db.stripeEvent.count(),
    db.articlePurchase.count(),
    db.articlePurchase.groupBy({ by: ['stripeCheckoutSessionId'] }).then((g) => g.length),
    db.subscription.count(),
    db.billingInvoice.count(),
  ]);
  const isExactlyOnce =
    events === unique.length &&
    purchases === PURCHASES &&
    distinctSessions === PURCHASES &&
    subscriptions === SUBSCRIPTIONS &&
    invoices === SUBSCRIPTIONS;
  await db.$disconnect();
  standIn.kill('SIGTERM');
  await database.stop();
  return {
    delivered: deliveries.length,
    duplicates: duplicates.length,
    concurrency: CONCURRENCY,
    perSecond: deliveries.length / seconds,
    statuses,
    counts: `events ${events}/${unique.length}, purchases ${purchases}/${PURCHASES}, subscriptions ${subscriptions}/${SUBSCRIPTIONS}, invoices ${invoices}/${SUBSCRIPTIONS}`,
    isExactlyOnce: isExactlyOnce && statuses['200'] === deliveries.length,
  };
}
