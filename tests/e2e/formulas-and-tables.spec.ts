import { expect, test, type Page } from '@playwright/test';
import { removeArticle, uploadJatsAsAdmin } from './support/jats-upload';

// A hand-written free article (tests/fixtures/jats/snippets/formulas-and-tables.xml) and a real one (PeerJ).
const DOI = '10.5555/jats-test.formulas';
const PEERJ = '10.7717/peerj.1000';
const MATHML = 'http://www.w3.org/1998/Math/MathML';

test.beforeAll(async ({ browser }) => {
  await uploadJatsAsAdmin(browser, 'snippets/formulas-and-tables.xml');
});
test.afterAll(async () => {
  await removeArticle(DOI);
  await removeArticle(PEERJ);
});

/** The browser laid the fraction out as one: numerator above the bar, denominator below. */
async function isStackedFraction(page: Page, selector: string): Promise<boolean> {
  return page
    .locator(selector)
    .first()
    .evaluate((frac) => {
      const [num, den] = [...frac.children].map((c) => c.getBoundingClientRect());
      return Boolean(num && den && num.bottom <= den.top + 1 && num.height > 0 && den.height > 0);
    });
}

/** What a reader sees of the article text (innerText leaves out the hidden TeX annotations). */
async function shownText(page: Page): Promise<string> {
  return (await page.locator('.article-body').allInnerTexts()).join(' ');
}

test('formulas render as native MathML: fractions, subscripts, a numbered display formula an xref reaches', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`/doi/${DOI}`);
  // In the title too.
  await expect(page.locator('h1 math msub')).toHaveCount(1);

  const display = page.locator('.article-body .disp-formula#e1');
  await expect(display.locator('math mfrac')).toHaveCount(1);
  await expect(display.locator('math msub')).toHaveCount(2);
  await expect(display.locator('.formula-label')).toHaveText('(1)');
  expect(await display.locator('math').evaluate((m) => m.namespaceURI)).toBe('http://www.w3.org/1998/Math/MathML');
  expect(await isStackedFraction(page, '.article-body .disp-formula#e1 mfrac')).toBe(true);
  // TeX-only formula (2), converted on import: a MathML sum with limits, never the TeX source.
  await expect(page.locator('.article-body .disp-formula#e2 math munderover')).toHaveCount(1);
  expect(await shownText(page)).not.toMatch(/\\frac|\\sum|documentclass/);
  // The abstract's formula (TeX → MathML) is a fraction as well.
  expect(await isStackedFraction(page, '.article-preview mfrac')).toBe(true);

  await page.getByRole('link', { name: 'Equation 1' }).click();
  await expect(page).toHaveURL(/#e1$/);
  await expect(display).toBeInViewport();
  expect(errors).toEqual([]);

  // A real article's formulas (PeerJ: MathML beside TeX and images) show once each, as MathML.
  await uploadJatsAsAdmin(page.context().browser()!, 'peerj-mathml-1000.xml');
  await page.goto(`/doi/${PEERJ}`);
  const maths = page.locator('.article-body .inline-formula > math');
  await expect(maths).toHaveCount(11);
  expect(await maths.first().evaluate((m, ns) => m.namespaceURI === ns && !!m.querySelector('mfrac'), MATHML)).toBe(
    true,
  );
  expect(await isStackedFraction(page, '.article-body .inline-formula mfrac')).toBe(true);
  expect(await shownText(page)).not.toContain('\\frac');
});

test('View Large opens a table in a dialog that zooms by button and key, and Escape gives focus back', async ({
  page,
}) => {
  await page.goto(`/doi/${DOI}`);
  const open = page.getByRole('button', { name: 'View Large: Table 1' });
  await open.click();
  const dialog = page.getByRole('dialog', { name: 'Table 1, View Large' });
  await expect(dialog).toBeVisible();
  const table = dialog.locator('table');
  await expect(table).toContainText('P-0001-Alpha');
  await expect(dialog.locator('figcaption')).toContainText('Lesion measurements by visit');
  const width = async () => (await table.boundingBox())?.width ?? 0;
  const before = await width();

  await dialog.getByRole('button', { name: 'Zoom in' }).click();
  await expect(dialog.getByRole('button', { name: 'Reset zoom (now 125%)' })).toBeVisible();
  expect(await width()).toBeGreaterThan(before * 1.2);
  await page.keyboard.press('+');
  await expect(dialog.getByRole('button', { name: 'Reset zoom (now 150%)' })).toBeVisible();
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await expect(dialog.getByRole('button', { name: 'Reset zoom (now 75%)' })).toBeVisible();
  expect(await width()).toBeLessThan(before * 0.8);
  await dialog.getByRole('button', { name: /Reset zoom/ }).click();
  await expect(dialog.getByRole('button', { name: 'Reset zoom (now 100%)' })).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();

  // A figure with no image yet opens the same way, with its caption; the page keeps one of each id.
  await page.getByRole('button', { name: 'View Large: Figure 1' }).click();
  const figure = page.getByRole('dialog', { name: 'Figure 1, View Large' });
  await expect(figure).toContainText('A figure whose image was not delivered with the XML.');
  expect(await page.locator('[id="f1"]').count()).toBe(1);
  await figure.getByRole('button', { name: 'Close' }).click();
  await expect(figure).toBeHidden();
  await expect(page.getByRole('button', { name: 'View Large: Figure 1' })).toBeFocused();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('a wide table scrolls inside its labelled region, and the page never scrolls sideways', async ({ page }) => {
    await page.goto(`/doi/${DOI}`);
    const region = page.getByRole('region', { name: /^Table 1 Lesion measurements/ });
    await expect(region).toBeVisible();
    const sizes = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // Keyboard users scroll it too: the region takes focus.
    await region.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    expect(await page.evaluate(() => window.scrollX)).toBe(0);
  });
});
