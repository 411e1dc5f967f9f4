// Next calls register() once when the server starts, and onRequestError with every error it caught
// while answering a request. register() also starts this instance's background-job workers
// (lib/jobs/): every instance runs them, and scripts/server.mjs stops them on SIGTERM. A page that failed because the database is away is noted, so our
// server answers it 503 rather than Next's 500 (lib/errors/database-unavailable.mjs).
import type { Instrumentation } from 'next';
import { env } from '@/lib/env';
import { isDatabaseUnavailable } from '@/lib/errors/database-errors';
import { noteDatabaseUnavailable } from '@/lib/errors/database-unavailable.mjs';

export async function register() {
  // A certificate is a promise to boards and employers that it can be checked offline; one signed
  // with a key nobody keeps (or not signed at all) would look the same to the learner and fail
  // later, so a production server without its signing key does not start.
  if (env.NODE_ENV === 'production' && !env.CME_SIGNING_KEY) {
    console.error(
      'Invalid environment: CME_SIGNING_KEY is required in production (it signs CME certificates). ' +
        'Generate one with `openssl genpkey -algorithm ed25519`; `npm start` keeps one in .data/.',
    );
    process.exit(1);
  }
  if (env.NODE_ENV === 'production' && env.PAYMENT_PROVIDER === 'test')
    console.warn(
      'WARNING: UNSAFE_TEST_PAYMENTS_IN_PRODUCTION is on and no Stripe key is set: anyone can take a ' +
        'subscription or a 24-hour purchase for free through the test-payment page. Never do this on a real site.',
    );
  // Only in the Node server, not while `next build` loads this file.
  const isServer = process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build';
  if (isServer && env.JOB_WORKERS) {
    const { runWorkersInServer } = await import('@/lib/jobs/run-workers-in-server');
    runWorkersInServer();
  }
  // Our server (scripts/server.mjs) records the shared article page's views through these.
  if (isServer) {
    const { installUsageHooks } = await import('@/lib/usage/install-usage-hooks');
    installUsageHooks();
  }
}

export const onRequestError: Instrumentation.onRequestError = (error) => {
  if (isDatabaseUnavailable(error)) noteDatabaseUnavailable();
  return Promise.resolve();
};
