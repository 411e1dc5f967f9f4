import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/auth';

const PHONE = { width: 390, height: 844 };

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test('the footer links to the journal’s pages, each a real page marked as sample text', async ({ page }) => {
  await page.goto('/');
  const footer = page.getByRole('contentinfo');
  await expect(footer).toContainText('ISSN 0003-987X (print), 1538-3652 (online)');
  const links = footer.getByRole('navigation', { name: 'About the journal' }).getByRole('link');
  await expect(links).toHaveText(['About', 'Contact', 'Privacy', 'Terms of Use', 'Accessibility']);
  for (const [label, heading] of [
    ['About', 'About the Journal'],
    ['Contact', 'Contact'],
    ['Privacy', 'Privacy Notice'],
    ['Terms of Use', 'Terms of Use'],
    ['Accessibility', 'Accessibility Statement'],
  ] as const) {
    await page.getByRole('contentinfo').getByRole('link', { name: label, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(page.getByText(/^Sample text:/)).toBeVisible();
  }
});

test('the 404 page has the site’s header and footer, aligned with them', async ({ page }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Archives of Dermatology' })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toBeVisible();
  const brand = await page.getByRole('banner').getByRole('link', { name: 'Archives of Dermatology' }).boundingBox();
  const heading = await page.getByRole('heading', { name: 'Page not found' }).boundingBox();
  expect(Math.abs((brand?.x ?? 0) - (heading?.x ?? 100))).toBeLessThan(2);
});

test.describe('on a phone', () => {
  test.use({ viewport: PHONE });

  test('My Account’s access list reads as cards, without sideways scrolling', async ({ page }) => {
    await signIn(page, 'subscriber@example.com');
    await page.goto('/account');
    const table = page.getByRole('table', { name: 'Your subscriptions, purchases and institutional access' });
    await expect(table).toBeVisible();
    // Each cell names its column, since the header row is hidden on a phone.
    await expect(table.locator('td[data-label="Ends"]').first()).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });

  test('the home page, search and the visitor’s PDF page fit the phone, with targets a thumb can hit', async ({
    page,
  }) => {
    for (const path of ['/', '/issues', '/search?q=ivig', '/doi/10.1001/archdermatol.2011.3156/pdf']) {
      await page.goto(path);
      expect(await horizontalOverflow(page), path).toBeLessThanOrEqual(0);
    }
    await page.goto('/');
    // The header's links, Subscribe included, are at least 24 px high (WCAG 2.2 target size). The
    // account links arrive after load (/api/me): all() would not wait for them.
    await expect(page.getByRole('banner').getByRole('link', { name: 'Subscribe' })).toBeVisible();
    for (const link of await page.getByRole('banner').getByRole('link').all()) {
      const box = (await link.boundingBox())!;
      expect(box.height, await link.innerText()).toBeGreaterThanOrEqual(24);
    }
  });

  test('admin lists fit the phone', async ({ page }) => {
    await signIn(page, 'admin@example.com', undefined, '/admin/users');
    for (const path of [
      '/admin/users',
      '/admin/subscriptions',
      '/admin/purchases',
      '/admin/audit',
      '/admin/articles',
    ]) {
      await page.goto(path);
      const overflow = await horizontalOverflow(page);
      if (overflow > 0)
        await page.screenshot({ path: test.info().outputPath(`${path.replaceAll('/', '_')}.png`), fullPage: true });
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
});
