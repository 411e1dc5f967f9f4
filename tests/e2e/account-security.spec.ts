// Sessions end on the server, and sign-in throttling slows guessers without locking owners out.
// Addresses come from X-Forwarded-For, which the e2e server believes from loopback (as from nginx).
import { expect, test, type Browser, type Page } from '@playwright/test';
import { registerViaUi, signIn, uniqueEmail } from './support/auth';

const ADDRESS_A = '198.51.100.41';
const ADDRESS_B = '192.0.2.42';

async function browserAt(browser: Browser, ip: string) {
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': ip } });
  return { context, page: await context.newPage() };
}

async function signedInName(page: Page): Promise<string | null> {
  const me = (await (await page.request.get('/api/me')).json()) as { name?: string } | null;
  return me?.name ?? null;
}

async function trySignIn(page: Page, email: string, password: string) {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

// When this file runs first, the server is cold: the first registration can outlast an expect's 5 s.
test.beforeAll(async ({ request }) => {
  for (const path of ['/register', '/signin', '/account', '/api/auth/csrf', '/api/auth/providers', '/api/me'])
    await request.get(path);
});

test('a session cookie copied before sign-out is refused after it', async ({ page, browser }) => {
  await registerViaUi(page, 'Casey Copied');
  const copied = await page.context().cookies();
  expect(copied.some((c) => c.name.endsWith('session-token'))).toBe(true);

  await page.getByRole('button', { name: 'Sign Out', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Sign In' })).toBeVisible();

  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const thiefPage = await thief.newPage();
  expect(await signedInName(thiefPage)).toBeNull();
  expect(await (await thiefPage.request.get('/api/auth/session')).json()).toEqual({});
  await thiefPage.goto('/account');
  await expect(thiefPage).toHaveURL(/\/signin\?callbackUrl=%2Faccount$/);
  await thief.close();
});

test('"Sign out of all devices" ends the session in a second browser too', async ({ page, browser }) => {
  const { email, password } = await registerViaUi(page, 'Morgan Many');
  const second = await browser.newContext();
  const secondPage = await second.newPage();
  await signIn(secondPage, email, password);
  expect(await signedInName(secondPage)).toBe('Morgan Many');

  await page.goto('/account');
  const sessions = page.getByRole('region', { name: 'Where you are signed in' });
  await expect(sessions.getByRole('listitem')).toHaveCount(2);
  await expect(sessions.getByText('(this browser)')).toBeVisible();
  await sessions.getByRole('button', { name: 'Sign out of all devices' }).click();
  await expect(page).toHaveURL(/\/signin\?/);
  await expect(page.getByText('You have been signed out on all your devices.')).toBeVisible();

  expect(await signedInName(page)).toBeNull();
  expect(await signedInName(secondPage)).toBeNull();
  await secondPage.goto('/account');
  await expect(secondPage).toHaveURL(/\/signin\?callbackUrl=%2Faccount$/);
  await second.close();
});

test('a password change keeps this browser signed in and ends the other sessions', async ({ page, browser }) => {
  const { email, password } = await registerViaUi(page, 'Robin Rotate');
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, email, password);

  await page.goto('/account');
  const section = page.getByRole('region', { name: 'Change password' });
  await section.getByLabel('Current password').fill(password);
  await section.getByLabel('New password').fill('fresh orchard lantern 42');
  await section.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your password has been changed. You stay signed in here')).toBeVisible();

  await page.goto('/account');
  await expect(page.getByRole('heading', { name: 'My Account' })).toBeVisible();
  expect(await signedInName(otherPage)).toBeNull();
  await other.close();
});

test('wrong passwords from address A do not stop the owner on address B, nor on A in a browser they used before', async ({
  browser,
}) => {
  const ownerAtA = await browserAt(browser, ADDRESS_A);
  const { email, password } = await registerViaUi(ownerAtA.page, 'Jamie Owner', uniqueEmail('owner'));
  await ownerAtA.page.getByRole('button', { name: 'Sign Out', exact: true }).click();
  await expect(ownerAtA.page.getByRole('link', { name: 'Sign In' })).toBeVisible();

  const guesser = await browserAt(browser, ADDRESS_A);
  // The right password, typed in a second tab beforehand: after five failures the next attempt
  // must wait 2 s, so it is sent the moment the fifth is refused (a slow machine took longer than
  // 2 s to load the form again, and the attempt was let through).
  const nextTry = await guesser.context.newPage();
  await nextTry.goto('/signin');
  await nextTry.getByLabel('Email').fill(email);
  await nextTry.getByLabel('Password').fill(password);
  for (let i = 0; i < 5; i++) {
    await trySignIn(guesser.page, email, `wrong guess number ${i}`);
    await expect(guesser.page.getByText('Email or password is incorrect.')).toBeVisible();
  }
  await nextTry.getByRole('button', { name: 'Sign in' }).click();
  const refusal = nextTry.getByRole('alert').filter({ hasText: 'Too many sign-in attempts' });
  await expect(refusal).toContainText(/Too many sign-in attempts\. Please wait \d+ seconds? and try again/);
  await expect(refusal.getByRole('link', { name: 'reset your password' })).toHaveAttribute('href', '/forgot-password');

  const ownerAtB = await browserAt(browser, ADDRESS_B);
  await signIn(ownerAtB.page, email, password);
  // The browser that signed in on A before carries its known-device cookie: not slowed.
  await signIn(ownerAtA.page, email, password);
  expect(await signedInName(ownerAtA.page)).toBe('Jamie Owner');

  for (const b of [ownerAtA, guesser, ownerAtB]) await b.context.close();
});
