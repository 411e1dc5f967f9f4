import { expect, test } from '@playwright/test';
import { loadSeededArticles, probesOf, SEED_DOI } from './support/content';
import { readPdfText } from '../support/read-pdf-text';
import { fullTextFor, moveServerClockPast, payTestCheckout, registerHere, setServerClock } from './support/payments';

const ARTICLE = `/doi/${SEED_DOI}`;

test.beforeEach(({ request }) => setServerClock(request, 0));
test.afterEach(({ request }) => setServerClock(request, 0));

test('anonymous reader buys 24-hour access after registering, reads with a countdown, and loses it at expiry', async ({
  page,
  request,
}) => {
  const seed = (await loadSeededArticles()).find((a) => a.doi === SEED_DOI)!;
  const probe = probesOf(seed)[0]!;

  await page.goto(ARTICLE);
  await page.getByRole('link', { name: 'Purchase Online Access to this article for 24 hours' }).click();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fpurchase%3Fdoi%3D/);
  await page.getByRole('link', { name: 'Create a free account' }).click();
  await registerHere(page, 'Pat Buyer');

  await expect(page).toHaveURL(/\/purchase\?doi=/);
  await expect(
    page.getByRole('heading', { name: 'Purchase Online Access to this article for 24 hours' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await payTestCheckout(page);

  await expect(page.getByRole('heading', { name: 'Thank you for your purchase' })).toBeVisible();
  await expect(page.getByText(/Your access ends/)).toBeVisible();
  await page.getByRole('link', { name: 'Read the full text' }).click();
  await expect(page.locator('.gated-content')).toContainText(probe);
  await expect(page.getByText(/24-hour access until \d\d:\d\d UTC tomorrow/)).toBeVisible();
  await expect(page.getByText(/Time left: 2[34]:\d\d:\d\d/)).toBeVisible();

  // My Account lists the payment once, with a receipt that only its payer can open.
  await page.goto('/account');
  const payments = page.getByRole('table', { name: 'Payments' });
  await expect(payments.getByRole('row')).toHaveCount(2);
  await expect(payments).toContainText('24-hour access: The Need to Examine the Risks');
  const receiptHref = await payments.getByRole('link', { name: 'Receipt (PDF)' }).getAttribute('href');
  const receipt = await page.request.get(receiptHref!);
  expect(receipt.headers()['content-type']).toBe('application/pdf');
  const receiptText = await readPdfText(await receipt.body());
  expect(receiptText).toContain('Receipt');
  expect(receiptText).toContain('Paid by: Pat Buyer');
  expect(receiptText).toMatch(/Amount: \$\d+\.\d\d/);
  expect((await request.get(receiptHref!)).status()).toBe(401); // no session: nothing to see
  expect((await page.request.get('/account/receipts/purchase-nosuchpayment')).status()).toBe(404);
  await page.goto(ARTICLE);

  const { until } = await fullTextFor(page.request, SEED_DOI);
  expect(until).not.toBeNull();
  await moveServerClockPast(page.request, until!);
  expect(await fullTextFor(page.request, SEED_DOI)).toEqual({ canRead: false, reason: null, until: null });
  await page.reload();
  await expect(page.getByText('Purchase Online Access to this article for 24 hours')).toBeVisible();
  await expect(page.locator('.gated-content')).toHaveCount(0);
  await expect(page.getByText(probe)).toHaveCount(0);
});

test('cancelling the test payment changes nothing and goes back to the article', async ({ page }) => {
  await page.goto(`/register?callbackUrl=${encodeURIComponent(`/purchase?doi=${SEED_DOI}`)}`);
  await registerHere(page, 'Chris Cancel');
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await expect(page.getByText('TEST PAYMENT — no money is taken.')).toBeVisible();
  await page.getByRole('link', { name: 'Cancel and go back' }).click();
  await expect(page.getByText('Nothing was charged and nothing has changed.')).toBeVisible();
  await page.getByRole('link', { name: 'Go back' }).click();
  await expect(page).toHaveURL(new RegExp(`${ARTICLE.replace(/[.]/g, '\\.')}$`));
  expect((await fullTextFor(page.request, SEED_DOI)).canRead).toBe(false);
});
