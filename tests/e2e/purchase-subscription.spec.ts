import { expect, test } from '@playwright/test';
import { loadSeededArticles, SEED_DOI } from './support/content';
import { fullTextFor, moveServerClockPast, payTestCheckout, registerHere, setServerClock } from './support/payments';

const ARTICLE = `/doi/${SEED_DOI}`;

test.beforeEach(({ request }) => setServerClock(request, 0));
test.afterEach(({ request }) => setServerClock(request, 0));

test('subscribe → full text on every paid article; cancel in the portal → access ends at period end', async ({
  page,
}) => {
  const paid = (await loadSeededArticles()).filter((a) => !a.isFree);
  await page.goto(`/register?callbackUrl=${encodeURIComponent(ARTICLE)}`);
  await registerHere(page, 'Sam Subscriber');
  await expect(page).toHaveURL(new RegExp(`${ARTICLE.replace(/[.]/g, '\\.')}$`));
  await page.getByRole('link', { name: 'Subscribe', exact: true }).click();

  await expect(page.getByRole('heading', { name: 'Subscribe for full-text access' })).toBeVisible();
  await page.getByRole('button', { name: 'Subscribe monthly' }).click();
  await payTestCheckout(page);
  await expect(page.getByRole('heading', { name: 'Thank you for subscribing' })).toBeVisible();
  const periodEnd = await page.locator('time').first().getAttribute('datetime');
  expect(periodEnd).not.toBeNull();
  // Subscribed from an article: the thank-you page leads back to it.
  await page.getByRole('link', { name: 'Back to what you were reading' }).click();
  await expect(page).toHaveURL(new RegExp(`${ARTICLE.replace(/[.]/g, '\\.')}$`));

  for (const article of paid) {
    expect(await fullTextFor(page.request, article.doi), article.doi).toMatchObject({
      canRead: true,
      until: periodEnd,
    });
  }
  await page.goto(ARTICLE);
  await expect(page.getByText(/^Subscriber until \d{1,2} [A-Z][a-z]+ \d{4}$/)).toBeVisible();
  await expect(page.locator('.gated-content')).toBeVisible();

  await page.goto('/account');
  await page.getByRole('button', { name: 'Manage subscription' }).click();
  await expect(page.getByText('TEST PAYMENT — no money is taken.')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel subscription' }).click();
  await expect(page.getByText('You keep access until the end of the period you paid for.')).toBeVisible();
  await expect(page.getByText(/subscription, ends /)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel subscription' })).toHaveCount(0);
  // As in Stripe's portal, a cancellation can be taken back until the period ends.
  await page.getByRole('button', { name: 'Resume subscription' }).click();
  await expect(page.getByText('Your subscription is resumed: it renews as before.')).toBeVisible();
  await expect(page.getByText(/subscription, renews /)).toBeVisible();
  await page.getByRole('button', { name: 'Cancel subscription' }).click();
  await expect(page.getByText(/subscription, ends /)).toBeVisible();

  // Still readable until the period ends, then not.
  expect((await fullTextFor(page.request, SEED_DOI)).canRead).toBe(true);
  await moveServerClockPast(page.request, periodEnd!);
  for (const article of paid) {
    expect((await fullTextFor(page.request, article.doi)).canRead, article.doi).toBe(false);
  }
  await page.goto(ARTICLE);
  await expect(page.getByText('Purchase Online Access to this article for 24 hours')).toBeVisible();
  await expect(page.locator('.gated-content')).toHaveCount(0);
});
