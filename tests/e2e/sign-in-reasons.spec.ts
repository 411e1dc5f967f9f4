import { expect, test } from '@playwright/test';
import { SEED_DOI } from './support/content';
import { registerHere } from './support/payments';

const ARTICLE = `/doi/${SEED_DOI}`;

test('buying from an article: sign-in and register say why, and the reader comes back to the purchase', async ({
  page,
}) => {
  await page.goto(ARTICLE);
  const reason = /^Sign in or create a free account to buy 24-hour access to “The Need to Examine the Risks/;
  await page.getByRole('link', { name: 'Purchase Online Access to this article for 24 hours' }).click();
  await expect(page.getByText(reason)).toBeVisible();
  await page.getByRole('link', { name: 'Create a free account' }).click();
  await expect(page.getByText(reason)).toBeVisible();
  await registerHere(page, 'Rhea Reason');
  await expect(page).toHaveURL(/\/purchase\?doi=/);
});

test('activating from an article says why, and the activated member goes back to the article', async ({ browser }) => {
  // An address of its own, so activation throttling elsewhere does not count here.
  const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': '198.51.100.211' } });
  const page = await context.newPage();
  await page.goto(ARTICLE);
  await page.getByRole('link', { name: 'Activate your current subscription' }).click();
  await expect(
    page.getByText('Sign in or create a free account to activate your society membership or subscriber number.'),
  ).toBeVisible();
  await page.getByRole('link', { name: 'Create a free account' }).click();
  await registerHere(page, 'Mo Member');
  await expect(page).toHaveURL(/\/activate\?callbackUrl=/);
  const form = page.getByRole('region', { name: 'Or with an activation code' });
  await form.getByLabel('Activation code').fill('DERM-2026-DEMO');
  await form.getByRole('button', { name: 'Activate with code' }).click();
  await form.getByRole('link', { name: 'Back to the article' }).click();
  await expect(page).toHaveURL(new RegExp(`${ARTICLE.replace(/[.]/g, '\\.')}$`));
  await expect(page.locator('.gated-content')).toBeVisible();

  // My Account no longer invites an activated member to subscribe or activate.
  await page.goto('/account');
  await expect(page.getByRole('heading', { name: 'My access' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Subscribe', exact: true })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Activate your current subscription' })).toHaveCount(0);
  await context.close();
});
