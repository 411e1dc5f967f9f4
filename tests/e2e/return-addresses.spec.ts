// Return addresses (after sign-in, registration, subscribing, a cancelled checkout) never lead off
// the site, however the address is disguised, and odd characters in them never give a 500.
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, signIn } from './support/auth';

const DISGUISED = [
  '/%09/evil.example',
  '/%0a/evil.example',
  '/%0d%0a/evil.example',
  '/%5C/evil.example',
  '//evil.example',
];

test('a signed-in reader sent to /signin with a disguised address stays on the site', async ({ page, baseURL }) => {
  await signIn(page, 'reader@example.com', DEMO_PASSWORD, '/account');
  for (const target of DISGUISED) {
    const res = await page.goto(`/signin?callbackUrl=${target}`);
    expect(res?.status(), target).toBeLessThan(500);
    expect(new URL(page.url()).origin, target).toBe(new URL(baseURL!).origin);
  }
});

test('after sign-in, a disguised return address lands on the site', async ({ page, baseURL }) => {
  await page.goto('/signin?callbackUrl=/%09/evil.example');
  await page.getByLabel('Email').fill('reader@example.com');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/account$/);
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
});

test('register, subscribe and cancelled-checkout pages link back only within the site', async ({ page, request }) => {
  for (const target of DISGUISED) {
    for (const path of [`/register?callbackUrl=${target}`, `/checkout/cancel?returnTo=${target}`]) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(200);
    }
    await page.goto(`/register?callbackUrl=${target}`);
    await expect(page.getByRole('link', { name: 'Sign in', exact: true })).toHaveAttribute(
      'href',
      '/signin?callbackUrl=%2Faccount',
    );
    await page.goto(`/checkout/cancel?returnTo=${target}`);
    await expect(page.getByRole('link', { name: 'Go back' })).toHaveAttribute('href', '/');
  }
  await signIn(page, 'reader@example.com', DEMO_PASSWORD, '/account');
  for (const target of DISGUISED) {
    const res = await page.goto(`/subscribe?callbackUrl=${target}`);
    expect(res?.status(), target).toBe(200);
    await expect(page.locator('input[name="returnTo"]').first()).toHaveValue('/');
  }
});

test('a malformed router state header is a 400, not a 500 or a redirect to itself', async ({ request }) => {
  for (const path of ['/search?q=ivig', '/doi/10.1001/archdermatol.2011.3156']) {
    const res = await request.get(path, {
      headers: { RSC: '1', 'Next-Router-State-Tree': '%7Bnot-a-tree' },
      maxRedirects: 0,
    });
    expect(res.status(), path).toBe(400);
  }
});
