// Settings that only matter in a real deployment, checked on instances of this suite's build
// started as production starts them: HSTS follows the address the server runs at (not the one it
// was built with), the test clock is refused, and without Stripe nobody gets access for free.
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { DEMO_PASSWORD } from './support/auth';
import { isRunning, startProductionServer, type ProductionServer } from './support/production-server';
import { e2eSettings } from './settings';

const settings = e2eSettings();
const port = (offset: number) => settings.port + 20 + offset;

async function started(...args: Parameters<typeof startProductionServer>): Promise<ProductionServer> {
  const server = await startProductionServer(...args);
  if (!isRunning(server)) throw new Error(`did not start (${server.exitCode}):\n${server.output}`);
  return server;
}

test('HSTS is sent when the server runs on an https address, whatever the build was made with', async ({ request }) => {
  // This suite's build was made for http://localhost: no HSTS there.
  expect((await request.get('/')).headers()['strict-transport-security']).toBeUndefined();
  const server = await started(port(0), { SITE_URL: 'https://journal.example' });
  try {
    for (const path of ['/', '/', '/signin']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.headers.get('strict-transport-security'), path).toBe('max-age=31536000; includeSubDomains');
    }
  } finally {
    await server.stop();
  }
});

test('the test clock is refused in production: the server does not start', async () => {
  const attempt = await startProductionServer(port(1), { TEST_CLOCK_ENABLED: 'true' });
  expect(isRunning(attempt)).toBe(false);
  if (isRunning(attempt)) return attempt.stop();
  expect(attempt.exitCode).not.toBe(0);
  expect(attempt.output).toContain('Invalid environment: TEST_CLOCK_ENABLED must not be set in production');
});

test('production without Stripe: no free test payments, unless loudly allowed (and then a warning)', async ({
  page,
}) => {
  const server = await started(port(2), {});
  const db = new pg.Client({ connectionString: settings.databaseUrl });
  await db.connect();
  const checkouts = async () =>
    Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM "LocalCheckoutSession"')).rows[0]!.n);
  try {
    expect(server.output()).not.toContain('UNSAFE_TEST_PAYMENTS_IN_PRODUCTION');
    const before = await checkouts();
    await page.goto(`${server.url}/signin?callbackUrl=%2Fsubscribe`);
    await page.getByLabel('Email').fill('reader@example.com');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // A fresh server answers its first sign-in slowly (bcrypt, and nothing warm yet).
    await expect(page).toHaveURL(/\/subscribe$/, { timeout: 20_000 });
    await expect(page.getByRole('note')).toContainText('Online payment is not available on this site yet');
    await expect(page.getByText('test payment')).toHaveCount(0);
    await page.getByRole('button', { name: 'Subscribe annual' }).click();
    await expect(page.getByText('Online payment is not available on this site yet').nth(1)).toBeVisible();
    expect(await checkouts()).toBe(before);
    expect((await page.goto(`${server.url}/checkout/test-portal`))?.status()).toBe(404);
  } finally {
    await db.end();
    await server.stop();
  }
  // The page was still fetching when the server was told to stop: it exits once those are done.
  expect(server.output()).not.toContain('still open 10 s after the stop signal');

  const demo = await started(port(3), { UNSAFE_TEST_PAYMENTS_IN_PRODUCTION: 'true' });
  try {
    expect(demo.output()).toContain('WARNING: UNSAFE_TEST_PAYMENTS_IN_PRODUCTION is on');
  } finally {
    await demo.stop();
  }
});
