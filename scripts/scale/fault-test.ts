// npm run test:faults – the scale-out stack (two instances behind nginx) on a private PostgreSQL
// cluster of its own, so it can be stopped and started without touching the machine's shared one:
// PostgreSQL restarted under traffic (fail fast with a clear 503, recover by itself), PostgreSQL
// hanging behind a stalled network (the instances reach it through a TCP proxy: 503s within the
// timeouts, no connection pile-up, recovery), and an instance killed in the middle of a Stripe
// webhook (exactly one entitlement after Stripe's retry), and an instance killed in the middle of
// a background job (the email is sent once, by the other instance).
// Needs PostgreSQL's server binaries (/usr/lib/postgresql) and nginx (nginx-light).
import { startStallingProxy, type StallingProxy } from '../../tests/support/stalling-proxy';
import { startStripeStandIn, type StripeStandIn } from '../../tests/support/stripe-stand-in';
import { startSmtpStandIn, type SmtpStandIn } from '../../tests/support/smtp-stand-in';
import { stripeTestEnv } from '../../tests/support/stripe-events';
import { UNAVAILABLE_MESSAGE } from '../../lib/errors/database-unavailable.mjs';
import { check, runChecks } from './checks';
import { checkDatabaseRestart, type Probe } from './fault-db-restart';
import { checkDatabaseStall } from './fault-db-stall';
import { checkJobKill } from './fault-job-kill';
import { checkWebhookKill } from './fault-webhook-kill';
import { startPrivatePostgres, type PrivatePostgres } from './private-postgres';
import { fetchCsrf, signIn, signInBody } from './sign-in';
import { startStack, type Stack } from './stack';

const PG_PORT = Number(process.env.FAULT_PG_PORT ?? 55442);
const PORTS = { nginx: 3725, instances: [3726, 3727], smtp: 3728 };
// A claim older than this is taken for abandoned: short here, so the take-over is seen quickly.
const STALE_LOCK_SECONDS = 5;
const SEED_DOI = '10.1001/archdermatol.2011.3156';
const PASSWORD = 'journal-demo-2026';
let pg: PrivatePostgres | null = null;
let proxy: StallingProxy | null = null;
let standIn: StripeStandIn | null = null;
let smtp: SmtpStandIn | null = null;
let stack: Stack | null = null;

async function main() {
  pg = startPrivatePostgres(PG_PORT);
  proxy = await startStallingProxy(pg.adminUrl);
  const viaProxy = (url: string) => Object.assign(new URL(url), { port: String(proxy!.port) }).toString();
  standIn = await startStripeStandIn();
  smtp = await startSmtpStandIn(PORTS.smtp);
  stack = await startStack({
    adminUrl: pg.adminUrl,
    ports: PORTS,
    env: {
      ...stripeTestEnv(standIn.url),
      SMTP_URL: `smtp://127.0.0.1:${PORTS.smtp}`,
      JOB_STALE_LOCK_SECONDS: String(STALE_LOCK_SECONDS),
    },
    quiet: true,
    instanceDatabaseUrl: viaProxy,
  });
  const { db } = await import('../../lib/db');
  const front = stack.front;
  const cookie = await signIn(front, 'reader@example.com', PASSWORD);
  check('the reader signs in', cookie !== null);
  const activity = await db.cmeActivity.findFirstOrThrow({
    where: { maxAttempts: null },
    select: { id: true, questions: { select: { id: true, options: { select: { id: true, isPreferred: true } } } } },
  });
  const failingAnswers = JSON.stringify({
    answers: activity.questions.map((q) => ({ questionId: q.id, optionId: q.options.find((o) => !o.isPreferred)!.id })),
  });
  const csrf = await fetchCsrf(front);
  const asReader = { headers: { cookie: cookie ?? '' } };
  const probes: Probe[] = [
    { name: 'article page (cached)', path: `/doi/${SEED_DOI}`, okStatus: 200 },
    { name: 'search page', path: '/search?q=drug', okStatus: 200 },
    { name: 'account page', path: '/account', init: asReader, okStatus: 200 },
    { name: 'CME quiz page', path: `/cme/${activity.id}`, init: asReader, okStatus: 200 },
    { name: 'GET /api/me', path: '/api/me', init: asReader, okStatus: 200 },
    {
      name: 'GET /api/articles/full-text',
      path: `/api/articles/full-text?doi=${SEED_DOI}`,
      init: asReader,
      okStatus: 200,
    },
    {
      name: 'POST quiz attempt',
      path: `/api/cme/${activity.id}/attempts`,
      init: {
        method: 'POST',
        headers: { ...asReader.headers, 'content-type': 'application/json' },
        body: failingAnswers,
      },
      okStatus: 201,
    },
    {
      name: 'sign-in (next-auth)',
      path: '/api/auth/callback/credentials',
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrf.cookie },
        body: signInBody(csrf.csrfToken, 'admin@example.com', PASSWORD),
      },
      okStatus: 200,
      // next-auth answers a failed sign-in 401 with the message the form shows: ours, nothing else.
      isClearOutageAnswer: (status, body) => status === 401 && decodeURIComponent(body).includes(UNAVAILABLE_MESSAGE),
    },
  ];
  await checkDatabaseRestart({ front, pg, probes });
  await checkDatabaseStall({ front, proxy, probes, instances: PORTS.instances.length });
  await checkWebhookKill({ stack, standIn, db });
  await checkJobKill({ stack, smtp, db });
  await db.$disconnect();
}

runChecks('Fault', main, async () => {
  await stack?.stop();
  await standIn?.close();
  await smtp?.close();
  await proxy?.close();
  pg?.destroy();
});
