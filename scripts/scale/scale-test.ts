// npm run test:scale – two app instances behind nginx sharing one real PostgreSQL, checking that
// nothing lives in one process: a session made on A works on B, a purchase fulfilled through A
// opens the full text on B, sign-in throttling counts across both, and the same Stripe event
// delivered to A and B at once takes effect once. Needs PostgreSQL (SCALE_PG_URL, default the
// local one) and nginx (Debian package `nginx-light`).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { isBuildCurrent } from '../lib/build-freshness';
import { applyMigrations } from '../lib/schema-engine';
import { makeEvent, stripeTestEnv, webhookRequest } from '../../tests/support/stripe-events';

const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
const root = path.resolve(import.meta.dirname, '../..');
const adminUrl = process.env.SCALE_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const dbName = `journal_scale_${Date.now()}`;
const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();
const PORTS = { nginx: 3710, a: 3711, b: 3712 };
const SEED_DOI = '10.1001/archdermatol.2011.3156';
const children: ChildProcess[] = [];
let failures = 0;

function check(name: string, ok: boolean, detail = '') {
  console.log(`${ok ? '✓' : '✗'} ${name}${detail ? ` (${detail})` : ''}`);
  if (!ok) failures++;
}

function start(cmd: string, args: string[], env: Record<string, string>) {
  const child = spawn(cmd, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
    cwd: root,
  });
  children.push(child);
  return child;
}

async function waitFor(url: string) {
  for (let i = 0; i < 240; i++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up`);
}

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

/** Signs in through next-auth's credentials endpoint on one instance; returns the cookie header. */
async function signIn(base: string, email: string, password: string): Promise<string | null> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  const session = res.headers.getSetCookie().find((c) => c.includes('session-token='));
  return session ? `${cookie}; ${session.split(';')[0]}` : null;
}

async function main() {
  await admin(`CREATE DATABASE ${dbName}`);
  const env = {
    DATABASE_URL: databaseUrl,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: '.next-scale',
    SITE_URL: `http://localhost:${PORTS.nginx}`,
    NEXTAUTH_URL: `http://localhost:${PORTS.nginx}`,
    NEXTAUTH_SECRET: randomBytes(32).toString('base64'),
    TRUSTED_PROXIES: 'loopback',
    // Webhooks verify with the test secret; purchases need no call back to Stripe.
    ...stripeTestEnv('http://127.0.0.1:9'),
  };
  Object.assign(process.env, env);
  await applyMigrations(databaseUrl);
  const { seedIfEmpty } = await import('../../prisma/seed/seed-if-empty');
  await seedIfEmpty();
  if (!isBuildCurrent('.next-scale')) {
    await new Promise<void>((resolve, reject) =>
      spawn(process.execPath, [nextBin, 'build'], { env: process.env, stdio: 'inherit', cwd: root }).on('exit', (c) =>
        c === 0 ? resolve() : reject(new Error('build failed')),
      ),
    );
  }
  for (const port of [PORTS.a, PORTS.b])
    start(process.execPath, ['scripts/server.mjs'], { ...env, PORT: String(port) });
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'journal-nginx-'));
  const conf = fs
    .readFileSync(path.join(root, 'deploy/nginx.conf'), 'utf8')
    .replaceAll('{{PREFIX}}', prefix)
    .replaceAll('{{LISTEN}}', `127.0.0.1:${PORTS.nginx}`)
    .replaceAll('{{UPSTREAMS}}', `server 127.0.0.1:${PORTS.a}; server 127.0.0.1:${PORTS.b};`);
  fs.writeFileSync(path.join(prefix, 'nginx.conf'), conf);
  start('nginx', ['-p', prefix, '-c', path.join(prefix, 'nginx.conf'), '-g', 'daemon off;'], {});
  const A = `http://localhost:${PORTS.a}`;
  const B = `http://localhost:${PORTS.b}`;
  const front = `http://localhost:${PORTS.nginx}`;
  await Promise.all([waitFor(`${A}/`), waitFor(`${B}/`), waitFor(`${front}/`)]);

  const articlePage = await fetch(`${front}/doi/${SEED_DOI}`);
  check('article page through nginx', articlePage.status === 200);

  const readerCookie = await signIn(A, 'reader@example.com', 'journal-demo-2026');
  const me = readerCookie
    ? ((await (await fetch(`${B}/api/me`, { headers: { cookie: readerCookie } })).json()) as { name?: string } | null)
    : null;
  check('a session made on A is honoured on B', me?.name === 'Riley Reader');

  const { db } = await import('../../lib/db');
  const reader = await db.user.findUniqueOrThrow({ where: { email: 'reader@example.com' } });
  const article = await db.article.findUniqueOrThrow({ where: { doi: SEED_DOI } });
  const sessionId = `cs_scale_${randomBytes(6).toString('hex')}`;
  const event = makeEvent('checkout.session.completed', {
    id: sessionId,
    object: 'checkout.session',
    mode: 'payment',
    payment_status: 'paid',
    client_reference_id: reader.id,
    metadata: { kind: 'purchase', userId: reader.id, articleId: article.id },
    amount_total: 3000,
    currency: 'usd',
    payment_intent: `pi_scale_${randomBytes(6).toString('hex')}`,
    subscription: null,
  });
  const deliveries = await Promise.all(
    [A, B, A, B].map((base) => fetch(webhookRequest(event, { url: `${base}/api/stripe/webhook` }))),
  );
  check(
    'one Stripe event delivered to A and B at once',
    deliveries.every((d) => d.ok),
    deliveries.map((d) => d.status).join(','),
  );
  const purchases = await db.articlePurchase.count({ where: { stripeCheckoutSessionId: sessionId } });
  check('… takes effect exactly once', purchases === 1, `${purchases} purchase rows`);

  const fullText = (await (
    await fetch(`${B}/api/articles/full-text?doi=${encodeURIComponent(SEED_DOI)}`, {
      headers: { cookie: readerCookie ?? '' },
    })
  ).json()) as { canRead: boolean; source?: string };
  check(
    'the purchase fulfilled through A opens the full text on B',
    fullText.canRead && fullText.source === 'purchase',
  );

  for (let i = 0; i < 5; i++) await signIn(i % 2 ? A : B, 'subscriber@example.com', `wrong password ${i}`);
  const blocked = await signIn(A, 'subscriber@example.com', 'journal-demo-2026');
  check('sign-in throttling counts attempts made on both instances', blocked === null);
  await db.$disconnect();
}

main()
  .catch((error: unknown) => {
    console.error(error);
    failures++;
  })
  .finally(async () => {
    for (const child of children) child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {});
    console.log(failures === 0 ? 'Scale-out checks passed.' : `${failures} scale-out check(s) failed.`);
    process.exit(failures === 0 ? 0 : 1);
  });
