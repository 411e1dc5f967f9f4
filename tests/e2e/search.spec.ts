import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect, test, type Page } from '@playwright/test';
import { loadSeededArticles, type SeededArticle } from './support/content';
import { sql } from './support/related';

async function expectNoHorizontalScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

/** Every control on the page meant for a finger: at least 44 px tall and wide enough to hit. */
async function expectTouchTargets(page: Page) {
  const small = await page
    .locator(
      '.search-page summary, .search-facets a, .search-sort a, .search-pager a, .search-form button, .search-form input, .search-result__authors a',
    )
    .evaluateAll((elements) =>
      elements
        .filter((e) => (e as HTMLElement).offsetParent !== null)
        .map((e) => ({ text: e.textContent?.trim(), height: e.getBoundingClientRect().height }))
        .filter((box) => box.height < 44),
    );
  expect(small).toEqual([]);
}

test.describe('search on a phone (390 px)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('finds "stevens johnson", highlights it, fits the screen, and folds the filters', async ({ page }) => {
    await page.goto('/search');
    await page.getByLabel('Search articles').fill('stevens johnson');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByRole('status')).toHaveText(/^\d+ articles? match “stevens johnson”\.$/);
    const results = page.getByRole('region', { name: 'Search results' }).locator('li.search-result');
    await expect(results.first()).toBeVisible();
    await expect(page.locator('.search-result__snippet mark').first()).toHaveText(/stevens|johnson/i);
    await expectNoHorizontalScroll(page);
    await expectTouchTargets(page);

    // Filters start folded; opening one shows its values with counts.
    const typeFacet = page.locator('details.search-facet', { hasText: 'Article type' });
    const firstValue = typeFacet.locator('li a').first();
    await expect(firstValue).toBeHidden();
    await typeFacet.locator('summary').click();
    await expect(firstValue).toBeVisible();
    await expect(firstValue).toHaveText(/\(\d+\)$/);
    await expectNoHorizontalScroll(page);
    await expectTouchTargets(page);
  });

  test('an author’s name lists their articles', async ({ page }) => {
    await page.goto('/search?q=Pascal+Joly');
    // One result, said as English says it.
    await expect(page.getByRole('status')).toHaveText('1 article matches “Pascal Joly”.');
    await page.locator('.search-result__authors a', { hasText: 'Pascal Joly' }).first().click();
    await expect(page).toHaveURL(/\/search\?author=Pascal\+Joly$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Articles by Pascal Joly');
    await expect(page.locator('li.search-result').first()).toBeVisible();
    await expectNoHorizontalScroll(page);
  });
});

test.describe('search on a laptop (1366 px)', () => {
  test.use({ viewport: { width: 1366, height: 900 } });

  test('shows the filters beside the results, and a filter narrows them', async ({ page }) => {
    await page.goto('/search?q=IVIG+DRESS');
    const facets = page.getByRole('navigation', { name: 'Filter results' });
    const results = page.getByRole('region', { name: 'Search results' });
    const [facetBox, resultBox] = [await facets.boundingBox(), await results.boundingBox()];
    expect(facetBox!.x + facetBox!.width).toBeLessThanOrEqual(resultBox!.x);
    await expect(results.locator('li.search-result').first().locator('.toc__title')).toContainText(
      'Intravenous Immunoglobulins in DRESS',
    );
    const before = await results.locator('li.search-result').count();
    await page.locator('details.search-facet', { hasText: 'Access' }).locator('summary').click();
    await page.locator('details.search-facet', { hasText: 'Access' }).getByRole('link', { name: /^Free/ }).click();
    await expect(page).toHaveURL(/access=free/);
    expect(await results.locator('li.search-result').count()).toBeLessThanOrEqual(before);
    await expectNoHorizontalScroll(page);
  });
});

/** Paragraphs of a paid article's gated text that its public text does not also say. */
function gatedOnly(a: SeededArticle): string[] {
  return a.gatedParagraphs.map((p) => p.slice(0, 60)).filter((p) => p.length >= 40 && !a.publicText.includes(p));
}

test('snippets for a visitor never show gated text', async ({ page }) => {
  const byDoi = new Map((await loadSeededArticles()).map((a) => [a.doi, a]));
  let checked = 0;
  for (const q of ['IVIG DRESS', 'stevens johnson', 'mortality', 'allopurinol', 'discharge summary']) {
    await page.goto(`/search?q=${encodeURIComponent(q)}`);
    for (const item of await page.locator('li.search-result').all()) {
      const href = await item.locator('a.toc__title').getAttribute('href');
      const article = byDoi.get(href!.replace(/^\/doi\//, ''));
      if (!article || article.isFree) continue;
      const snippet = (await item.locator('.search-result__snippet').textContent()) ?? '';
      for (const piece of gatedOnly(article)) expect(snippet, `${q}: ${article.doi}`).not.toContain(piece);
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(0);
});

test('pages announce their feeds, and the feeds are valid RSS and Atom', async ({ page, request }) => {
  await page.goto('/');
  const rssHref = await page
    .locator('head link[rel="alternate"][type="application/rss+xml"]')
    .first()
    .getAttribute('href');
  const atomHref = await page
    .locator('head link[rel="alternate"][type="application/atom+xml"]')
    .first()
    .getAttribute('href');
  expect(new URL(rssHref!).pathname).toBe('/feeds/current-issue.rss');
  expect(new URL(atomHref!).pathname).toBe('/feeds/current-issue.atom');

  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' || name === 'entry' });
  const rss = await request.get(new URL(rssHref!).pathname);
  expect(rss.headers()['content-type']).toContain('application/rss+xml');
  const rssText = await rss.text();
  expect(XMLValidator.validate(rssText)).toBe(true);
  const channel = (
    parser.parse(rssText) as { rss: { channel: { item: { title: string; link: string; description: string }[] } } }
  ).rss.channel;
  expect(channel.item.length).toBeGreaterThan(0);
  for (const item of channel.item) expect(item.link).toMatch(/\/doi\/10\./);

  const atomText = await (await request.get(new URL(atomHref!).pathname)).text();
  expect(XMLValidator.validate(atomText)).toBe(true);
  expect((parser.parse(atomText) as { feed: { entry: unknown[] } }).feed.entry.length).toBe(channel.item.length);

  // Feeds carry public metadata only: no item shows its paid article's gated text.
  const byLink = new Map((await loadSeededArticles()).map((a) => [`/doi/${a.doi}`, a]));
  for (const item of channel.item) {
    const article = byLink.get(new URL(item.link).pathname);
    if (article && !article.isFree)
      for (const piece of gatedOnly(article)) expect(item.description, article.doi).not.toContain(piece);
  }

  // A topic page announces its own feed too.
  const [topic] = await sql<{ slug: string }>('SELECT slug FROM "Topic" ORDER BY slug LIMIT 1');
  await page.goto(`/topics/${topic!.slug}`);
  const hrefs = await page
    .locator('head link[rel="alternate"]')
    .evaluateAll((links) => links.map((l) => new URL((l as HTMLLinkElement).href).pathname));
  expect(hrefs).toContain(`/feeds/topics/${topic!.slug}.rss`);
  expect(hrefs).toContain('/feeds/current-issue.rss');
  const topicFeed = await request.get(`/feeds/topics/${topic!.slug}.atom`);
  expect(topicFeed.headers()['content-type']).toContain('application/atom+xml');
  expect(XMLValidator.validate(await topicFeed.text())).toBe(true);
});
