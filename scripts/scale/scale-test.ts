// npm run test:scale – two app instances behind nginx sharing one real PostgreSQL, checking that
// nothing lives in one process: a session made on A works on B, a purchase fulfilled through A
// opens the full text on B, sign-in throttling counts across both (and spares the owner's known
// browser), and the same Stripe event
// delivered to A and B at once takes effect once; emails queued as jobs are sent once by the two
// instances' workers. Needs PostgreSQL (SCALE_PG_URL, default the
// local one) and nginx (Debian package `nginx-light`).
import { randomBytes } from 'node:crypto';
import { makeEvent, stripeTestEnv, webhookRequest } from '../../tests/support/stripe-events';
import { startSmtpStandIn, type SmtpStandIn } from '../../tests/support/smtp-stand-in';
import { check, runChecks } from './checks';
import { checkJobsRunOnce, waitUntil } from './check-jobs-once';
import { signIn, signInAs } from './sign-in';
import { startStack, type Stack } from './stack';

const adminUrl = process.env.SCALE_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const PORTS = { nginx: 3710, instances: [3711, 3712], smtp: 3713 };
const SEED_DOI = '10.1001/archdermatol.2011.3156';
let stack: Stack | null = null;
let smtp: SmtpStandIn | null = null;

async function main() {
  // Webhooks verify with the test secret; purchases need no call back to Stripe.
  smtp = await startSmtpStandIn(PORTS.smtp);
  const env = { ...stripeTestEnv('http://127.0.0.1:9'), SMTP_URL: `smtp://127.0.0.1:${PORTS.smtp}` };
  stack = await startStack({ adminUrl, ports: PORTS, env });
  const [A, B] = stack.instances.map((i) => i.url) as [string, string];
  const front = stack.front;

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
  // Answered once recorded; a worker of either instance applies it (NOTIFY wakes them at once).
  const countPurchases = () => db.articlePurchase.count({ where: { providerCheckoutId: sessionId } });
  await waitUntil(async () => (await countPurchases()) > 0, 30_000);
  const purchases = await countPurchases();
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

  // Guesses at one account from one address, alternating between the instances, add up: the
  // sixth attempt from there must wait. The owner's browser, known from an earlier sign-in, is
  // counted apart and signs in at once.
  const owner = await signInAs(B, 'subscriber@example.com', 'journal-demo-2026');
  check('a sign-in sets the known-device cookie', Boolean(owner?.knownDevice));
  for (let i = 0; i < 5; i++) await signIn(i % 2 ? A : B, 'subscriber@example.com', `wrong password ${i}`);
  const guessed = await signIn(A, 'subscriber@example.com', 'journal-demo-2026');
  check('sign-in throttling counts attempts made on both instances', guessed === null);
  const known = await signInAs(A, 'subscriber@example.com', 'journal-demo-2026', owner?.knownDevice ?? null);
  check("… and never slows the owner's known browser", known !== null);

  await checkJobsRunOnce(smtp);
  await db.$disconnect();
}

runChecks('Scale-out', main, async () => {
  await stack?.stop();
  await smtp?.close();
});
