// npm run test:load – mixed traffic through nginx to two instances on one PostgreSQL (the
// test:scale stack): anonymous and subscriber article pages, CME quiz submissions by signed-in
// learners, and sign-ins (CSRF token, then next-auth's credentials callback). 200 connections for
// 60 s (LOAD_CONNECTIONS, LOAD_SECONDS). Prints req/s, p50/p99 per kind and overall and each
// instance's peak memory; exits non-zero on any failed request (an unexpected status, body or
// missing session cookie), 5xx, connection error or timeout.
import os from 'node:os';
import { hashPassword } from '../../lib/auth/password';
import { createLease, headerOf, percentile, runTraffic, type TrafficGroup } from './load-traffic';
import { sessionCookieOf, signIn, signInBody } from './sign-in';
import { peakRssMiB, startStack, type Stack } from './stack';

const adminUrl = process.env.SCALE_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
// LOAD_PORT moves the three ports (nginx, then the instances) where several stacks share a machine.
const BASE_PORT = Number(process.env.LOAD_PORT ?? 3720);
const PORTS = { nginx: BASE_PORT, instances: [BASE_PORT + 1, BASE_PORT + 2] };
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 200);
// bcrypt (cost 11, ~100 ms of CPU each) is slow on purpose: closed-loop sign-ins would only measure
// bcrypt and starve the rest, so sign-ins come at a steady rate, as from many readers.
const SIGN_INS_PER_SECOND = Number(process.env.LOAD_SIGNINS_PER_SECOND ?? 10);
const SEED_DOI = '10.1001/archdermatol.2011.3156';
const PASSWORD = 'load-test-password-2026';
const GZIP = { 'accept-encoding': 'gzip' };
let stack: Stack | null = null;

const share = (fraction: number) => Math.max(1, Math.round(CONNECTIONS * fraction));
const quizConnections = share(0.15);
const signInConnections = share(0.1);
const subscriberConnections = share(0.25);
const anonymousConnections = CONNECTIONS - quizConnections - signInConnections - subscriberConnections;
const ok = (expected: number) => (status: number) => (status === expected ? null : `expected ${expected}`);

/** Learners and sign-in accounts: one password hash for all (bcrypt per account would take minutes). */
async function createAccounts(prefix: string, count: number) {
  const { db } = await import('../../lib/db');
  const passwordHash = await hashPassword(PASSWORD);
  const emails = Array.from({ length: count }, (_, i) => `${prefix}-${i}@load.example.com`);
  await db.user.createMany({
    data: emails.map((email, i) => ({ email, name: `${prefix} ${i}`, passwordHash, emailVerifiedAt: new Date() })),
  });
  return emails;
}

async function signInAll(front: string, emails: string[]): Promise<string[]> {
  const cookies: string[] = [];
  // Ten at a time: well under the per-address sign-in limit while in flight (successes are refunded).
  for (let i = 0; i < emails.length; i += 10) {
    const batch = await Promise.all(emails.slice(i, i + 10).map((email) => signIn(front, email, PASSWORD)));
    for (const cookie of batch) {
      if (!cookie) throw new Error('A load-test account could not sign in.');
      cookies.push(cookie);
    }
  }
  return cookies;
}

async function main() {
  stack = await startStack({ adminUrl, ports: PORTS });
  const { db } = await import('../../lib/db');
  const front = stack.front;
  const page = `/doi/${SEED_DOI}`;

  const activity = await db.cmeActivity.findFirstOrThrow({
    where: { maxAttempts: null, articles: { some: { article: { doi: SEED_DOI } } } },
    select: { id: true, questions: { select: { id: true, options: { select: { id: true, isPreferred: true } } } } },
  });
  // A wrong answer to every question: a failed attempt is stored and the learner may try again.
  const failingAnswers = JSON.stringify({
    answers: activity.questions.map((q) => ({ questionId: q.id, optionId: q.options.find((o) => !o.isPreferred)!.id })),
  });
  const learners = createLease(await signInAll(front, await createAccounts('learner', quizConnections * 4)));
  const signInAccounts = createLease(await createAccounts('reader', signInConnections * 2));
  const subscriber = await signIn(front, 'subscriber@example.com', 'journal-demo-2026');
  if (!subscriber) throw new Error('The demo subscriber could not sign in.');

  const groups: TrafficGroup[] = [
    {
      name: 'anonymous',
      connections: anonymousConnections,
      requests: [{ kind: 'article page, anonymous', path: page, headers: () => GZIP, check: ok(200) }],
    },
    {
      name: 'subscriber',
      connections: subscriberConnections,
      requests: [
        {
          // The page view is the one response: the full text comes in the page.
          kind: 'article page view, subscriber',
          path: page,
          headers: () => ({ cookie: subscriber }), // plain, so the check can read the body
          check: (status, body) =>
            status !== 200
              ? 'expected 200'
              : body.includes('class="gated-content"')
                ? null
                : 'full text not in the page',
        },
      ],
    },
    {
      name: 'quiz',
      connections: quizConnections,
      requests: [
        {
          kind: 'CME quiz submission',
          method: 'POST',
          path: `/api/cme/${activity.id}/attempts`,
          // Each connection uses a learner no other connection is using (a learner's two
          // submissions at once would rightly get 409).
          headers: (ctx) => ({ cookie: (ctx.learner ??= learners.take()), 'content-type': 'application/json' }),
          body: () => failingAnswers,
          check: (status, body, _headers, ctx) => {
            if (ctx.learner) learners.give(ctx.learner);
            if (status !== 201) return 'expected 201';
            return body.includes('"isPassed":false') ? null : 'not graded as failed';
          },
        },
      ],
    },
    {
      name: 'sign-in',
      connections: signInConnections,
      overallRate: SIGN_INS_PER_SECOND * 2,
      requests: [
        {
          kind: 'sign-in: CSRF token',
          path: '/api/auth/csrf',
          check: (status, body, headers, ctx) => {
            ctx.csrfToken = (JSON.parse(body || '{}') as { csrfToken?: string }).csrfToken;
            ctx.csrfCookie = headerOf(headers, 'set-cookie')
              .map((c) => c.split(';')[0])
              .join('; ');
            return status === 200 && ctx.csrfToken ? null : 'no CSRF token';
          },
        },
        {
          kind: 'sign-in: credentials',
          method: 'POST',
          path: '/api/auth/callback/credentials',
          headers: (ctx) => ({ 'content-type': 'application/x-www-form-urlencoded', cookie: String(ctx.csrfCookie) }),
          body: (ctx) => signInBody(String(ctx.csrfToken), (ctx.account ??= signInAccounts.take()), PASSWORD),
          check: (status, body, headers, ctx) => {
            if (ctx.account) signInAccounts.give(ctx.account);
            if (status !== 200) return `expected 200 (${body.slice(0, 120)})`;
            return sessionCookieOf(headerOf(headers, 'set-cookie'))
              ? null
              : `no session cookie (${body.slice(0, 120)})`;
          },
        },
      ],
    },
  ];

  // LOAD_SIGNINS_PER_SECOND=0 leaves sign-ins out (to see what they cost the rest).
  const traffic = groups.filter((g) => g.name !== 'sign-in' || SIGN_INS_PER_SECOND > 0);
  const runAndRelease = async (base: string, run: TrafficGroup[], seconds: number) => {
    const result = await runTraffic(base, run, seconds);
    learners.reset();
    signInAccounts.reset();
    return result;
  };
  // Warm every route on every instance (first requests load code and fill caches), unmeasured.
  for (const instance of stack.instances) {
    const warmUp = traffic.map((g) => ({ ...g, connections: 2, overallRate: undefined }));
    await runAndRelease(instance.url, warmUp, 3);
  }
  const attemptsBefore = await db.cmeAttempt.count();
  console.log(
    `Load: ${CONNECTIONS} connections for ${SECONDS} s through nginx to ${stack.instances.length} instances ` +
      `(${traffic.map((g) => `${g.name} ${g.connections}`).join(', ')}; sign-ins at ${SIGN_INS_PER_SECOND}/s)…`,
  );
  const run = await runAndRelease(front, traffic, SECONDS);
  const storedAttempts = (await db.cmeAttempt.count()) - attemptsBefore;
  await db.$disconnect();
  return { run, storedAttempts };
}

function report({ run, storedAttempts }: Awaited<ReturnType<typeof main>>, instances: Stack['instances']): number {
  const rows = run.kinds.map((k) => ({ ...k, sorted: [...k.latencies].sort((a, b) => a - b) }));
  const all = rows.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const line = (name: string, sorted: number[], failures: number, serverErrors: number) =>
    `| ${name} | ${sorted.length} | ${(sorted.length / run.seconds).toFixed(0)} | ${percentile(sorted, 50).toFixed(1)} | ` +
    `${percentile(sorted, 99).toFixed(1)} | ${failures} | ${serverErrors} |`;
  // The machine's load says how much else was running: figures on a shared machine are noisy.
  const load = os.loadavg().map((x) => x.toFixed(1));
  console.log(`\n${new Date().toISOString()}, ${run.seconds.toFixed(1)} s measured, load average ${load.join(' ')}`);
  console.log('| kind | requests | req/s | p50 ms | p99 ms | failed | 5xx |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(line(r.kind, r.sorted, r.failures, r.serverErrors));
  const failures = rows.reduce((n, r) => n + r.failures, 0);
  const serverErrors = rows.reduce((n, r) => n + r.serverErrors, 0);
  console.log(line('**all**', all, failures, serverErrors));
  const quizAccepted = rows.find((r) => r.kind === 'CME quiz submission');
  const accepted = (quizAccepted?.latencies.length ?? 0) - (quizAccepted?.failures ?? 0);
  console.log(`\nQuiz attempts accepted (201): ${accepted}; stored in the database: ${storedAttempts}`);
  for (const instance of instances)
    console.log(`Instance ${instance.name}: peak RSS (VmHWM) ${peakRssMiB(instance.pid())} MiB`);
  const connectionErrors = run.groups.reduce((n, g) => n + g.errors + g.timeouts, 0);
  console.log(`Connection errors and timeouts: ${connectionErrors}`);
  for (const r of rows.filter((x) => x.sample)) console.log(`First failure of ${r.kind}: ${r.sample}`);
  // Submissions still in flight when the clock stopped are stored but not counted as answered.
  const isStoredAsAnswered =
    storedAttempts >= accepted && storedAttempts <= accepted + (quizAccepted ? quizConnections : 0);
  return failures + serverErrors + connectionErrors + (isStoredAsAnswered ? 0 : 1);
}

let exitCode = 1;
main()
  .then((result) => {
    exitCode = report(result, stack!.instances) === 0 ? 0 : 1;
  })
  .catch((error: unknown) => console.error(error))
  .finally(async () => {
    await stack?.stop();
    console.log(exitCode === 0 ? 'Load test passed: no failed request, no 5xx.' : 'Load test FAILED.');
    process.exit(exitCode);
  });
