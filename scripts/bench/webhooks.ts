// Stripe webhooks: 1,000 signed events (10% duplicates, shuffled) through the webhook route
// handler, 20 at a time, after an untimed warm-up of 200 other events. Two figures: acknowledged
// per second (the route: verify, record and queue; no worker running), then applied per second
// (one instance's job workers, JOB_CONCURRENCY at once, until the queue is empty), and a check
// that every effect happened exactly once. On a fresh in-memory embedded database, run in this
// process as under `npm start`; with BENCH_POSTGRES_URL (a PostgreSQL server's admin URL, e.g.
// postgres://postgres@127.0.0.1:5432/postgres) again on a database of its own made there and
// dropped after. The app runs in another process (webhook-deliveries.ts) and the Stripe stand-in,
// answering the SDK's re-reads, in a third, as Stripe is remote.
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '@/generated/prisma/client';
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

export type WebhookRun = {
  database: string;
  delivered: number;
  duplicates: number;
  concurrency: number;
  jobConcurrency: number;
  acknowledgedPerSecond: number;
  appliedPerSecond: number;
  /** The one-minute load average as each step ended. */
  acknowledgeLoad: number;
  applyLoad: number;
  statuses: Record<string, number>;
  failedJobs: number;
  counts: string;
  isExactlyOnce: boolean;
};
export type WebhookFigures = { runs: WebhookRun[]; isExactlyOnce: boolean };

/** A database of its own on the PostgreSQL server at `adminUrl`, dropped by `stop`. */
async function createPostgresDatabase(adminUrl: string) {
  const name = `bench_webhooks_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
  return {
    url,
    stop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

async function benchOn(database: { url: string; name: string }): Promise<WebhookRun> {
  await applyMigrations(database.url);
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });

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
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const standInUrl = await new Promise<string>((resolve) =>
    standIn.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())),
  );
  // Asynchronously: this process's event loop serves the embedded database meanwhile.
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
        DATABASE_URL: database.url,
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
  const app = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
    acknowledgeSeconds: number;
    applySeconds: number;
    statuses: Record<string, number>;
    failedJobs: number;
    jobConcurrency: number;
    acknowledgeLoad: number;
    applyLoad: number;
  };

  const [events, received, purchases, distinctSessions, subscriptions, invoices] = await Promise.all([
    db.stripeEvent.count(),
    db.receivedStripeEvent.count(),
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
    received === expected.events &&
    purchases === expected.purchases &&
    distinctSessions === expected.purchases &&
    subscriptions === expected.subscriptions &&
    invoices === expected.invoices &&
    app.failedJobs === 0;
  await db.$disconnect();
  standIn.kill('SIGTERM');
  return {
    database: database.name,
    delivered: measured.deliveries.length,
    duplicates: measured.deliveries.length - measured.unique.length,
    concurrency: CONCURRENCY,
    jobConcurrency: app.jobConcurrency,
    acknowledgedPerSecond: measured.deliveries.length / app.acknowledgeSeconds,
    // Duplicates are answered at once and queue nothing: the events applied are the unique ones.
    appliedPerSecond: measured.unique.length / app.applySeconds,
    acknowledgeLoad: app.acknowledgeLoad,
    applyLoad: app.applyLoad,
    statuses: app.statuses,
    failedJobs: app.failedJobs,
    counts: `with the warm-up's ${warmUp.deliveries.length}: received ${received}/${expected.events}, applied ${events}/${expected.events}, purchases ${purchases}/${expected.purchases}, subscriptions ${subscriptions}/${expected.subscriptions}, invoices ${invoices}/${expected.invoices}`,
    isExactlyOnce: isExactlyOnce && app.statuses['200'] === measured.deliveries.length,
  };
}

export async function benchWebhooks(): Promise<WebhookFigures> {
  const runs: WebhookRun[] = [];
  const embedded = await startEmbeddedDatabase({ dataDir: 'memory://', maxConnections: 50 });
  try {
    runs.push(await benchOn({ url: embedded.url, name: 'embedded database' }));
  } finally {
    await embedded.stop();
  }
  const adminUrl = process.env.BENCH_POSTGRES_URL;
  if (adminUrl) {
    const postgres = await createPostgresDatabase(adminUrl);
    try {
      runs.push(await benchOn({ url: postgres.url, name: 'PostgreSQL' }));
    } finally {
      await postgres.stop();
    }
  }
  return { runs, isExactlyOnce: runs.every((r) => r.isExactlyOnce) };
}
