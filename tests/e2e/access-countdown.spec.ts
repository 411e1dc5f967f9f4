import { expect, test } from '@playwright/test';
import { seriousViolations } from './support/axe';
import { registerViaUi } from './support/auth';
import { SEED_DOI } from './support/content';
import { fullTextFor, moveServerClockPast, setServerClock } from './support/payments';
import { sql } from './support/related';

const ARTICLE = `/doi/${SEED_DOI}`;

test.beforeEach(({ request }) => setServerClock(request, 0));
test.afterEach(({ request }) => setServerClock(request, 0));

test('the purchase countdown ticks silently and speaks only at load, 1 hour, 10 minutes, 1 minute and the end', async ({
  page,
}) => {
  // The 24-hour purchase as the payment records it (buying itself is covered by purchase-24-hours.spec.ts).
  const { email } = await registerViaUi(page, 'Sam Screenreader');
  await sql(
    `INSERT INTO "ArticlePurchase" (id, "userId", "articleId", "confirmedAt", "expiresAt", "amountCents", currency)
     SELECT $1, u.id, a.id, now(), now() + interval '24 hours', 3000, 'usd'
     FROM "User" u, "Article" a WHERE u.email = $2 AND a.doi = $3`,
    [`countdown-${Date.now()}`, email, SEED_DOI],
  );
  const { until } = await fullTextFor(page.request, SEED_DOI);
  expect(until).not.toBeNull();
  // Time left as the page's (fake, fast-forwarded) clock sees it.
  const left = async () => Date.parse(until!) - (await page.evaluate(() => Date.now()));

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

  await page.clock.fastForward((await left()) - 3600_000 + 3000);
  await expect(announcer).toHaveText('1 hour of access left.');
  await page.clock.fastForward((await left()) - 600_000 + 3000);
  await expect(announcer).toHaveText('10 minutes of access left.');
  await page.clock.fastForward((await left()) - 60_000 + 3000);
  await expect(announcer).toHaveText('1 minute of access left.');

  await moveServerClockPast(page.request, until!);
  await page.clock.fastForward((await left()) + 3000);
  await expect(announcer).toHaveText('Your 24-hour access has ended.');
  await expect(page.getByText('Purchase Online Access to this article for 24 hours')).toBeVisible();
});
