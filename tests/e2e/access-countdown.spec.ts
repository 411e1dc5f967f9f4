import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/auth';
import { SEED_DOI } from './support/content';
import { fullTextFor, moveServerClockPast, payTestCheckout, registerHere, setServerClock } from './support/payments';

const ARTICLE = `/doi/${SEED_DOI}`;

test.beforeEach(({ request }) => setServerClock(request, 0));
test.afterEach(({ request }) => setServerClock(request, 0));

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

test('the purchase countdown ticks silently and speaks only at load, 1 hour, 10 minutes, 1 minute and the end', async ({
  page,
}) => {
  await page.goto(`/register?callbackUrl=${encodeURIComponent(`/purchase?doi=${SEED_DOI}`)}`);
  await registerHere(page, 'Sam Screenreader');
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await payTestCheckout(page);
  await expect(page.getByRole('heading', { name: 'Thank you for your purchase' })).toBeVisible();
  const { until } = await fullTextFor(page.request, SEED_DOI);
  const left = () => Date.parse(until!) - Date.now();

  await page.clock.install();
  await page.goto(ARTICLE);
  const countdown = page.locator('.access-countdown');
  await expect(countdown).toContainText(/Time left: 2[34]:\d\d:\d\d/);
  // The ticking text is not live, even inside the access notice's status region.
  await expect(countdown).toHaveAttribute('aria-live', 'off');
  const announcer = page.locator('#access-countdown-announcer');
  await expect(announcer).toHaveAttribute('aria-live', 'polite');
  await expect(announcer).toHaveText(/^Your 24-hour access to this article has 2[34] hours( \d+ minutes?)? left\.$/);
  expect(await seriousViolations(page)).toEqual([]);

  // An ordinary second changes the clock, not what is announced.
  const first = await announcer.textContent();
  await page.clock.fastForward(3000);
  await expect(announcer).toHaveText(first!);

  await page.clock.fastForward(left() - 3600_000 + 3000);
  await expect(announcer).toHaveText('1 hour of access left.');
  await page.clock.fastForward(left() - 600_000 + 3000);
  await expect(announcer).toHaveText('10 minutes of access left.');
  await page.clock.fastForward(left() - 60_000 + 3000);
  await expect(announcer).toHaveText('1 minute of access left.');

  await moveServerClockPast(page.request, until!);
  await page.clock.fastForward(left() + 3000);
  await expect(announcer).toHaveText('Your 24-hour access has ended.');
  await expect(page.getByText('Purchase Online Access to this article for 24 hours')).toBeVisible();
});

test('the article page has no serious accessibility violations for a visitor or a subscriber', async ({ page }) => {
  await page.goto(ARTICLE);
  expect(await seriousViolations(page)).toEqual([]);
  await signIn(page, 'subscriber@example.com');
  await Promise.all([page.waitForResponse('**/api/comments?**'), page.goto(ARTICLE)]);
  await expect(page.locator('.gated-content')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto(`${ARTICLE}#comments`);
  await expect(page.locator('#comments').getByLabel('Comment')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
