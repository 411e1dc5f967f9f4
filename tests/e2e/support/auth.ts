import { expect, type Page } from '@playwright/test';
import pg from 'pg';
import { e2eSettings } from '../settings';

export const DEMO_PASSWORD = 'journal-demo-2026';

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, callbackUrl = '/account') {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`${callbackUrl.replace(/[.?*+^$()[\]{}|\\]/g, '\\$&')}$`));
}

/** The link in the newest email to `to` whose path is `path` (emails land in the outbox table). */
export async function linkFromLatestEmail(to: string, path: string): Promise<string> {
  const client = new pg.Client({ connectionString: e2eSettings().databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ text: string }>(
      'SELECT text FROM "OutboxEmail" WHERE "to" = $1 ORDER BY "createdAt" DESC LIMIT 1',
      [to],
    );
    const match = new RegExp(`https?://[^\\s]+${path}\\?token=[A-Za-z0-9_-]+`).exec(rows[0]?.text ?? '');
    if (!match) throw new Error(`No ${path} link in the latest email to ${to}`);
    return new URL(match[0]).pathname + new URL(match[0]).search;
  } finally {
    await client.end();
  }
}

export function uniqueEmail(prefix: string) {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;
}

/** Registers a new reader through the form and leaves them signed in on /account. */
export async function registerViaUi(
  page: Page,
  name: string,
  email = uniqueEmail('reader'),
  password = 'tulip harbour seventeen',
) {
  await page.goto('/register?callbackUrl=%2Faccount');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByLabel(/I agree to the Terms of Use/).check();
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/account$/);
  return { email, password };
}
