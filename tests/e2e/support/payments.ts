import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { uniqueEmail } from './auth';

export type FullTextAnswer = { canRead: boolean; reason: string | null; until: string | null };

/** Moves the server's clock (test-only endpoint) so that its now is `target` (+ what is left of the offset). */
export async function setServerClock(request: APIRequestContext, offsetMs: number) {
  const res = await request.post('/api/test-clock', { data: { offsetMs: Math.max(0, Math.round(offsetMs)) } });
  expect(res.ok()).toBe(true);
}

/** Moves the server's clock to one second past `instant`. */
export async function moveServerClockPast(request: APIRequestContext, instant: string) {
  await setServerClock(request, Date.parse(instant) - Date.now() + 1000);
}

export async function fullTextFor(request: APIRequestContext, doi: string): Promise<FullTextAnswer> {
  const res = await request.get(`/api/articles/full-text?doi=${encodeURIComponent(doi)}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as FullTextAnswer;
}

/** On /register (reached with a callbackUrl), creates an account and follows the callback. */
export async function registerHere(page: Page, name: string) {
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(uniqueEmail('buyer'));
  await page.getByLabel('Password').fill('tulip harbour seventeen');
  await page.getByLabel(/I agree to the Terms of Use/).check();
  await page.getByRole('button', { name: 'Create account' }).click();
}

/** On the local test-payment page: checks the label and pays. */
export async function payTestCheckout(page: Page) {
  await expect(page.getByText('TEST PAYMENT — no money is taken.')).toBeVisible();
  await page.getByRole('button', { name: /^Pay .+ \(test\)$/ }).click();
}
