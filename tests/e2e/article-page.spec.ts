import { expect, test } from '@playwright/test';
import { SEED_DOI } from './support/content';

const ARTICLE = `/doi/${SEED_DOI}`;
const PREVIEW_1 =
  'Severe cutaneous adverse reactions (SCARs) include drug rash with eosinophilia and systemic symptoms (DRESS), Stevens-Johnson syndrome (SJS), and toxic epidermal necrolysis (TEN).';
const PREVIEW_2_START =
  'Since Viard et al1 showed success with intravenous immunoglobulin therapy (IVIG) in 10 patients with TEN,1';

test('the article page shows every element of the seed page', async ({ page }) => {
  const response = await page.goto(ARTICLE);
  expect(response?.status()).toBe(200);
  const main = page.locator('main');
  await expect(main.getByText('Practice Gaps', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    'The Need to Examine the Risks and Benefits of Intravenous Immunoglobulin Therapy in Severe Cutaneous Adverse Reactions',
  );
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    'Comment on “Poor Benefit/Risk Balance of Intravenous Immunoglobulins in DRESS”',
  );
  await expect(main.getByText('Cindy England Owen, MD')).toBeVisible();
  await expect(
    main.getByText('Arch Dermatol. 2012;148(4):545. doi:10.1001/archdermatol.2011.3156', { exact: false }).first(),
  ).toBeVisible();
  await expect(main.getByRole('link', { name: `https://doi.org/${SEED_DOI}` })).toHaveAttribute(
    'href',
    `https://doi.org/${SEED_DOI}`,
  );
  await expect(main.getByText(/Published online/)).toBeVisible();
  await expect(main.getByText('Text Size:')).toBeVisible();
  await expect(main.getByText(PREVIEW_1)).toBeVisible();
  await expect(main.getByText(PREVIEW_2_START)).toBeVisible();

  for (const wording of [
    'Sign In to Access Full Content',
    "Don't have Access?",
    'Register and get free email Table of Contents alerts',
    'Subscribe for full-text access to content from 1998 forward',
    'Activate your current subscription',
    'Purchase Online Access to this article for 24 hours',
  ]) {
    await expect(main.getByText(wording, { exact: false }).first()).toBeVisible();
  }
  await expect(main.getByRole('link', { name: 'Purchase Online Access to this article for 24 hours' })).toHaveAttribute(
    'href',
    `/purchase?doi=${encodeURIComponent(SEED_DOI)}`,
  );

  await expect(main.getByRole('heading', { name: 'First Page Preview' })).toBeVisible();
  const thumb = main.getByRole('img', { name: /First page PDF preview/ });
  await expect(thumb).toBeVisible();
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 100)).toBe(true);
  await expect(main.getByText('Meets CME requirements for:')).toBeVisible();
  await expect(main.getByText('Accreditation Information')).toBeVisible();
  await main.getByRole('tab', { name: 'Cited By' }).click();
  await expect(main.getByRole('heading', { name: /Cited By \(\d+\)/ })).toBeVisible();
  await expect(main.getByRole('heading', { name: 'Cite This Article' })).toBeHidden();
  await main.getByRole('tab', { name: 'Comments' }).click();
  await expect(main.getByText('Submit a Comment', { exact: false })).toBeVisible();
  await main.getByRole('tab', { name: 'Article' }).click();
  await expect(
    main.getByText('Some tools below are only available to our subscribers or users with an online account.'),
  ).toBeVisible();
  await expect(main.getByRole('heading', { name: 'Related Content' })).toBeVisible();
  await expect(main.getByText('Customize your page view by dragging & repositioning the boxes below.')).toBeVisible();
});

test('the Article, Cited By and Comments tabs work with the keyboard and open from a link', async ({ page }) => {
  await page.goto(`${ARTICLE}#cited-by`);
  await expect(page.getByRole('tab', { name: 'Cited By' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Cited By' })).toContainText(
    'Citing articles are presented as examples only',
  );
  await page.getByRole('tab', { name: 'Cited By' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Comments' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Comments' })).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(/#comments$/);
  await page.keyboard.press('Home');
  await expect(page.getByRole('tabpanel', { name: 'Article' })).toContainText('Severe cutaneous adverse reactions');
});

test('Google Scholar tags and JSON-LD describe the article', async ({ page }) => {
  await page.goto(ARTICLE);
  const meta = (name: string) => page.locator(`meta[name="${name}"]`);
  await expect(meta('citation_title')).toHaveAttribute('content', /^The Need to Examine the Risks/);
  await expect(meta('citation_author')).toHaveCount(1);
  await expect(meta('citation_author')).toHaveAttribute('content', 'Cindy England Owen');
  await expect(meta('citation_publication_date')).toHaveAttribute('content', /^2012\/04\/\d\d$/);
  await expect(meta('citation_journal_title')).toHaveAttribute('content', 'Archives of Dermatology');
  await expect(meta('citation_journal_abbrev')).toHaveAttribute('content', 'Arch Dermatol');
  await expect(meta('citation_issn')).toHaveAttribute('content', '0003-987X');
  await expect(meta('citation_volume')).toHaveAttribute('content', '148');
  await expect(meta('citation_issue')).toHaveAttribute('content', '4');
  await expect(meta('citation_firstpage')).toHaveAttribute('content', '545');
  await expect(meta('citation_lastpage')).toHaveAttribute('content', '545');
  await expect(meta('citation_doi')).toHaveAttribute('content', SEED_DOI);
  await expect(meta('citation_pdf_url')).toHaveAttribute('content', new RegExp(`^http://[^/]+/doi/${SEED_DOI}/pdf$`));
  await expect(meta('citation_abstract_html_url')).toHaveAttribute(
    'content',
    new RegExp(`^http://[^/]+/doi/${SEED_DOI}$`),
  );
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}') as Record<
    string,
    unknown
  >;
  expect(ld).toMatchObject({
    '@type': 'ScholarlyArticle',
    isAccessibleForFree: false,
    hasPart: { '@type': 'WebPageElement', cssSelector: '.gated-content' },
  });
});

test('the text size choice survives a reload without a flash', async ({ page }) => {
  await page.goto(ARTICLE);
  const body = page.locator('.article-preview p').first();
  const medium = await body.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  await page.getByRole('button', { name: 'Large text' }).click();
  await expect(page.getByRole('button', { name: 'Large text' })).toHaveAttribute('aria-pressed', 'true');
  const large = await body.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(large).toBeGreaterThan(medium);

  // The size must be in place in the very first paint: check the HTML element as soon as it exists.
  await page.reload({ waitUntil: 'commit' });
  await page.waitForSelector('.article-preview p');
  expect(await page.locator('html').getAttribute('data-text-size')).toBe('large');
  expect(await body.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBe(large);
  await expect(page.getByRole('button', { name: 'Large text' })).toHaveAttribute('aria-pressed', 'true');
});

test('"View Large" opens the first page full size and Escape closes it', async ({ page }) => {
  await page.goto(ARTICLE);
  const viewLarge = page.getByRole('button', { name: 'View Large', exact: true });
  await viewLarge.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /full size/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('img')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(viewLarge).toBeFocused();
  await viewLarge.click();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('a DOI in other letter case goes to the article’s own address (DOIs are case-insensitive)', async ({
  request,
  page,
}) => {
  const upper = `/doi/${SEED_DOI.toUpperCase()}`;
  const answer = await request.get(upper, { maxRedirects: 0 });
  expect(answer.status()).toBe(308);
  // Every Location names the article's own address (the test deployment repeats the header; a
  // production server sends it once).
  const locations = answer
    .headersArray()
    .filter((h) => h.name.toLowerCase() === 'location')
    .map((h) => h.value);
  expect(new Set(locations)).toEqual(new Set([`/doi/${SEED_DOI}`]));
  await page.goto(upper);
  await expect(page).toHaveURL(new RegExp(`/doi/${SEED_DOI.replace(/\./g, '\\.')}$`));
  await expect(page.locator('#article-title')).toBeVisible();
});

test('an unknown DOI answers 404 with a helpful page', async ({ page }) => {
  const response = await page.goto('/doi/10.1001/no-such-article');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('home and issue pages list the issue’s articles', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Current Issue' })).toBeVisible();
  await expect(
    page.getByRole('img', { name: 'Cover of Archives of Dermatology, Vol 148, No. 4, April 2012' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Online First' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'CME' })).toContainText(/\d+ activit(y is|ies are) open for credit/);
  const topics = page.getByRole('region', { name: 'Topic Collections' });
  await expect(topics.getByRole('link').first()).toBeVisible();
  // A visitor is invited to subscribe from the header.
  await expect(page.getByRole('banner').getByRole('link', { name: 'Subscribe' })).toHaveAttribute(
    'href',
    '/subscribe?callbackUrl=%2F',
  );
  await topics.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/topics\//);
  await page.goto('/');
  await page.getByRole('link', { name: /Vol 148, No\. 4, April 2012/ }).click();
  await expect(page).toHaveURL(/\/issues\/148\/4$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vol 148, No. 4, April 2012');
  expect(await page.locator('.toc__item').count()).toBeGreaterThanOrEqual(9);
  await page.getByRole('link', { name: /The Need to Examine the Risks/ }).click();
  await expect(page).toHaveURL(new RegExp(`/doi/${SEED_DOI.replace('.', '\\.')}$`));
});

test('pages carry the security headers', async ({ request }) => {
  const res = await request.get(ARTICLE);
  const h = res.headers();
  expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(h['content-security-policy']).toContain("object-src 'none'");
  expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['x-frame-options']).toBe('DENY');
  expect(h['x-powered-by']).toBeUndefined();
});
