import { expect, test, type Page } from '@playwright/test';
import { registerViaUi } from './support/auth';
import { SEED_DOI } from './support/content';
import { sql } from './support/db';
import { contextFor } from './support/readers';

// Times on a reader's own pages are in their zone, named: the one they chose on My Account, else
// the one their browser reports (remembered by /time-zone.js), else the journal's (UTC).
const NEW_YORK = { timezoneId: 'America/New_York' };
const sessionLine = (page: Page) =>
  page.getByRole('region', { name: 'Where you are signed in' }).getByRole('listitem').first();

test('the account page shows times in the browser’s zone, and a saved zone wins over it', async ({ browser }) => {
  const context = await browser.newContext(NEW_YORK);
  const page = await context.newPage();
  await registerViaUi(page, 'Nia New-Yorker'); // the register page told the server the zone
  await expect(page.getByText(/Times are shown in America\/New York \(this browser’s\)/)).toBeVisible();
  await expect(sessionLine(page)).toContainText(/signed in \d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d GMT-[45]\b/);

  const zone = page.getByRole('region', { name: 'Time zone' });
  await zone.getByLabel('Time zone').selectOption('Asia/Tokyo');
  await zone.getByRole('button', { name: 'Save time zone' }).click();
  await expect(zone.getByText('Times are now shown in Asia/Tokyo.')).toBeVisible();
  await expect(page.getByText(/Times are shown in Asia\/Tokyo \(your choice\)/)).toBeVisible();
  await expect(sessionLine(page)).toContainText(/\d\d:\d\d GMT\+9\b/);
  await expect(zone.getByLabel('Time zone')).toHaveValue('Asia/Tokyo');

  // "Automatic" forgets the choice: the browser's zone again.
  await zone.getByLabel('Time zone').selectOption('');
  await zone.getByRole('button', { name: 'Save time zone' }).click();
  await expect(page.getByText(/Times are shown in America\/New York \(this browser’s\)/)).toBeVisible();
  await context.close();
});

test('a browser’s very first page is shown in its zone, dates on the reader’s lists too', async ({ browser }) => {
  // A reader signed in elsewhere (only the session cookie comes across) opens My Account first.
  const setUp = await browser.newContext();
  const { email } = await registerViaUi(await setUp.newPage(), 'Fay First-Page');
  const session = (await setUp.cookies()).filter((c) => c.name.includes('next-auth'));
  await setUp.close();
  // Saved at 02:00 UTC on 1 July: still 30 June in New York.
  await sql(
    `INSERT INTO "SavedArticle" ("userId", "articleId", "createdAt")
     SELECT u.id, a.id, '2026-07-01T02:00:00Z' FROM "User" u, "Article" a WHERE u.email = $1 AND a.doi = $2`,
    [email, SEED_DOI],
  );

  const context = await browser.newContext(NEW_YORK);
  await context.addCookies(session);
  const page = await context.newPage();
  await page.goto('/account');
  // Written in UTC for want of the zone; the script told the server and loaded the page again.
  await expect(page.getByText(/Times are shown in America\/New York \(this browser’s\)/)).toBeVisible();
  await expect(sessionLine(page)).toContainText(/\d\d:\d\d GMT-[45]\b/);
  await page.goto('/account/reading-list');
  await expect(page.locator('.toc__meta')).toContainText('Saved 30 June 2026');
  await context.close();
});

test('without JavaScript the journal’s zone is named; the saved zone still applies', async ({ browser }) => {
  // Signed in with scripts (and its own zone left behind: only the session cookie goes across).
  const setUp = await browser.newContext();
  await registerViaUi(await setUp.newPage(), 'Noor No-Scripts');
  const session = (await setUp.cookies()).filter((c) => c.name.includes('next-auth'));
  await setUp.close();

  const context = await browser.newContext({ ...NEW_YORK, javaScriptEnabled: false });
  await context.addCookies(session);
  const page = await context.newPage();
  await page.goto('/account');
  await page.reload();
  await expect(page.getByText(/Times are shown in UTC \(the journal’s\)/)).toBeVisible();
  await expect(sessionLine(page)).toContainText(/\d\d:\d\d UTC\b/);

  // The form posts without scripts; the page it answers with is in the chosen zone.
  const zone = page.getByRole('region', { name: 'Time zone' });
  await zone.getByLabel('Time zone').selectOption('Europe/Berlin');
  await zone.getByRole('button', { name: 'Save time zone' }).click();
  await expect(page.getByText(/Times are shown in Europe\/Berlin \(your choice\)/)).toBeVisible();
  await expect(sessionLine(page)).toContainText(/\d\d:\d\d CES?T\b/);

  await zone.getByLabel('Time zone').selectOption('');
  await zone.getByRole('button', { name: 'Save time zone' }).click();
  await expect(page.getByText(/Times are shown in UTC \(the journal’s\)/)).toBeVisible();
  await context.close();
});

test('a 24-hour purchase ends at the reader’s own time, named, on the article page', async ({ browser }) => {
  const context = await contextFor(browser, 'purchaser', NEW_YORK);
  const page = await context.newPage();
  await page.goto(`/doi/${SEED_DOI}`);
  await expect(page.locator('.access-reason')).toHaveText(/^24-hour access until \d\d:\d\d GMT-[45] (today|tomorrow)/);
  await context.close();
});
