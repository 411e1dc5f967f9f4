import { expect, test, type Page } from '@playwright/test';
import { axeOn } from './support/axe';
import { registerViaUi, signIn } from './support/auth';
import { SEED_DOI } from './support/content';
import { domBoxOrder, dragBoxWithMouse, expectBoxOrder, paintedBoxOrder } from './support/related';

const ARTICLE = `/doi/${SEED_DOI}`;

// Tall enough that the whole sidebar fits on screen for the mouse to reach every box (it sits below
// the First Page Preview, the tools and the CME box's accreditation facts: about 2,800 px of page).
test.use({ viewport: { width: 1280, height: 3200 } });
const DEFAULT = ['see-also', 'by-topic', 'topics', 'pubmed'];

async function openArticle(page: Page) {
  await page.goto(ARTICLE);
  // The sidebar marks itself once it has hydrated (dragging needs its scripts).
  await expect(page.locator('.related__boxes[data-hydrated]')).toBeAttached();
  await page.getByRole('heading', { name: 'Related Content' }).scrollIntoViewIfNeeded();
}

async function savedLayout(page: Page): Promise<unknown> {
  return (await page.request.get('/api/sidebar-layout')).json() as Promise<unknown>;
}

/** Space picks the box up, arrows move it (each move announced), space drops it. */
async function moveWithKeyboard(page: Page, title: string, steps: number) {
  const handle = page.getByRole('button', { name: `Move box: ${title}` });
  const start =
    (await domBoxOrder(page)).indexOf((await handle.locator('xpath=ancestor::section[1]').getAttribute('data-box'))!) +
    1;
  await handle.focus();
  await page.keyboard.press('Space');
  await expect(handle).toHaveAttribute('aria-pressed', 'true');
  for (let i = 1; i <= Math.abs(steps); i++) {
    // dnd-kit measures the boxes after pick-up and animates each step; a key pressed before that
    // settles is measured against stale positions (no person is that fast). Let it settle first.
    await page.waitForTimeout(300);
    await page.keyboard.press(steps > 0 ? 'ArrowDown' : 'ArrowUp');
    const position = start + (steps > 0 ? i : -i);
    await expect(
      page.getByRole('status').filter({ hasText: `${title} moved to position ${position} of 4.` }),
    ).toHaveCount(1);
  }
  await page.keyboard.press('Space');
  await expect(
    page.getByRole('status').filter({ hasText: `${title} dropped at position ${start + steps} of 4.` }),
  ).toHaveCount(1);
}

test('boxes move by mouse and keyboard, keep their order on reload and in a new browser, and reset', async ({
  page,
  browser,
}) => {
  const account = await registerViaUi(page, 'Morgan Layout');
  await openArticle(page);
  await expectBoxOrder(page, DEFAULT);

  await dragBoxWithMouse(page, 'PubMed Articles', 'See Also...');
  await expectBoxOrder(page, ['pubmed', 'see-also', 'by-topic', 'topics']);
  await moveWithKeyboard(page, 'See Also...', 2);
  const saved = ['pubmed', 'by-topic', 'topics', 'see-also'];
  await expectBoxOrder(page, saved);
  await expect.poll(() => savedLayout(page)).toEqual({ isSignedIn: true, layout: { order: saved, hidden: [] } });

  // Reload with the app's scripts blocked: what is painted comes from the HTML and the blocking script alone.
  await page.route('**/_next/static/**', (route) =>
    route.request().resourceType() === 'script' ? route.abort() : route.continue(),
  );
  await page.reload();
  expect(await paintedBoxOrder(page)).toEqual(saved);
  await page.unroute('**/_next/static/**');
  await openArticle(page);
  await expectBoxOrder(page, saved);

  // Another browser: after signing in, the order comes from the server (and is then painted before first paint).
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, account.email, account.password);
  await openArticle(otherPage);
  await expectBoxOrder(otherPage, saved);
  await otherPage.reload();
  expect(await paintedBoxOrder(otherPage)).toEqual(saved);

  await otherPage.getByRole('button', { name: 'Reset layout' }).click();
  await expectBoxOrder(otherPage, DEFAULT);
  await expect.poll(() => savedLayout(otherPage)).toEqual({ isSignedIn: true, layout: null });
  await other.close();
});

test('a visitor keeps their order in this browser', async ({ page }) => {
  await openArticle(page);
  await moveWithKeyboard(page, 'Related Topics', -2);
  const order = ['topics', 'see-also', 'by-topic', 'pubmed'];
  await expectBoxOrder(page, order);
  await page.reload();
  expect(await paintedBoxOrder(page)).toEqual(order);
  await expect.poll(() => domBoxOrder(page)).toEqual(order);
});

test('boxes collapse and expand, and the sidebar is accessible open and collapsed', async ({ page }) => {
  await openArticle(page);
  const analyze = async () => {
    const { violations } = await axeOn(page).include('.article-aside').analyze();
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
  };
  expect(await analyze()).toEqual([]);
  const toggle = page.getByRole('button', { name: 'Hide Related Topics' });
  await toggle.click();
  await expect(page.getByRole('button', { name: 'Show Related Topics' })).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('.related-box[data-box="topics"]').getByRole('link')).toHaveCount(0);
  for (const title of ['See Also...', 'Articles Related By Topic', 'PubMed Articles'])
    await page.getByRole('button', { name: `Hide ${title}` }).click();
  expect(await analyze()).toEqual([]);
  await page.getByRole('button', { name: 'Show Related Topics' }).click();
  await expect(page.locator('.related-box[data-box="topics"]').getByRole('link').first()).toBeVisible();
});

/** Whether a box's body is painted (not whether React thinks it is open). */
async function isBodyShown(page: Page, id: string) {
  return page.locator(`.related-box[data-box="${id}"] .related-box__body`).isVisible();
}

test('hidden boxes stay hidden after a reload (painted so before the app loads) and on another device', async ({
  page,
  browser,
}) => {
  const account = await registerViaUi(page, 'Harper Hidden');
  await openArticle(page);
  await page.getByRole('button', { name: 'Hide Related Topics' }).click();
  await page.getByRole('button', { name: 'Hide PubMed Articles' }).click();
  await expect(page.getByRole('button', { name: 'Show PubMed Articles' })).toHaveAttribute('aria-expanded', 'false');
  await expect
    .poll(() => savedLayout(page))
    .toEqual({ isSignedIn: true, layout: { order: DEFAULT, hidden: ['topics', 'pubmed'] } });

  // With the app's scripts blocked, only the HTML and the blocking script paint: no flash of the open boxes.
  await page.route('**/_next/static/**', (route) =>
    route.request().resourceType() === 'script' ? route.abort() : route.continue(),
  );
  await page.reload();
  expect(await isBodyShown(page, 'topics')).toBe(false);
  expect(await isBodyShown(page, 'pubmed')).toBe(false);
  expect(await isBodyShown(page, 'see-also')).toBe(true);
  // What is painted (and so read): "Show" on the hidden box, "Hide" on the open one.
  await expect(page.locator('.related-box[data-box="topics"] .related-box__toggle')).toHaveAccessibleName(
    'Show Related Topics',
  );
  await expect(page.locator('.related-box[data-box="see-also"] .related-box__toggle')).toHaveAccessibleName(
    'Hide See Also...',
  );
  await page.unroute('**/_next/static/**');
  await openArticle(page);
  await expect(page.getByRole('button', { name: 'Show Related Topics' })).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('button', { name: 'Hide See Also...' })).toHaveAttribute('aria-expanded', 'true');

  // Another browser takes the hidden boxes from the account, and keeps them on reload.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, account.email, account.password);
  await openArticle(otherPage);
  await expect(otherPage.getByRole('button', { name: 'Show PubMed Articles' })).toBeVisible();
  await otherPage.reload();
  await expect(otherPage.locator('.related__boxes[data-hydrated]')).toBeAttached();
  expect(await isBodyShown(otherPage, 'pubmed')).toBe(false);
  await otherPage.getByRole('button', { name: 'Show PubMed Articles' }).click();
  await expect.poll(() => isBodyShown(otherPage, 'pubmed')).toBe(true);
  await expect
    .poll(() => savedLayout(otherPage))
    .toEqual({ isSignedIn: true, layout: { order: DEFAULT, hidden: ['topics'] } });
  await other.close();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('every sidebar control is at least 44×44 px', async ({ page }) => {
    await openArticle(page);
    const controls = page.locator('.related').getByRole('button');
    expect(await controls.count()).toBeGreaterThanOrEqual(9);
    const small: string[] = [];
    for (const control of await controls.all()) {
      await control.scrollIntoViewIfNeeded();
      const box = (await control.boundingBox())!;
      if (box.width < 44 || box.height < 44)
        small.push(
          `${(await control.getAttribute('aria-label')) ?? (await control.innerText())}: ${box.width}×${box.height}`,
        );
    }
    expect(small).toEqual([]);
  });
});

test('See Also, related-by-topic and topic links lead to the right pages', async ({ page }) => {
  await openArticle(page);
  const seeAlso = page.locator('.related-box[data-box="see-also"]');
  await expect(
    seeAlso.getByRole('link', { name: /Poor Benefit\/Risk Balance of Intravenous Immunoglobulins in DRESS/ }),
  ).toBeVisible();
  await expect(page.locator('.related-box[data-box="by-topic"]').getByRole('link').first()).toBeVisible();
  await page.locator('.related-box[data-box="topics"]').getByRole('link', { name: 'DRESS' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'DRESS' })).toBeVisible();
  await expect(page.getByRole('link', { name: /The Need to Examine the Risks/ })).toBeVisible();
  // The other side of the editor's link shows it too.
  await page.goto('/doi/10.1001/archderm.148.4.543');
  await expect(
    page.locator('.related-box[data-box="see-also"]').getByRole('link', { name: /The Need to Examine the Risks/ }),
  ).toBeVisible();
});

test("Cited By names each citing work's first three authors, then et al.", async ({ page }) => {
  await page.goto(`${ARTICLE}#cited-by`);
  const panel = page.getByRole('tabpanel', { name: 'Cited By' });
  await expect(panel.getByRole('listitem').filter({ hasText: 'RegiSCAR' })).toContainText(
    'Sylvia H. Kardaun, Peggy Sekula, Laurence Valeyrie-Allanore, et al.',
  );
  await expect(panel.getByRole('listitem').filter({ hasText: 'Management and therapeutics' })).toContainText(
    'Zain Husain, Bobby Y. Reddy, Robert A. Schwartz. ',
  );
});
