// The article page with JavaScript off: the server decides before it renders, so an entitled
// reader's first response already holds the full text, and every reader part (account link,
// text size, sidebar order, comments, PubMed) is in the HTML.
import { expect, test } from '@playwright/test';
import { SEED_DOI } from './support/content';
import { contextFor, type ReaderKind } from './support/readers';
import { domBoxOrder } from './support/related';

const ARTICLE = `/doi/${SEED_DOI}`;
const NO_JS = { javaScriptEnabled: false };

for (const [kind, reason] of [
  ['subscriber', /^Subscriber until \d{1,2} [A-Z][a-z]+ \d{4}$/],
  ['purchaser', /^24-hour access until \d\d:\d\d UTC (today|tomorrow)$/],
  ['institution', /^Access provided by Demo University Hospital$/],
] as [ReaderKind, RegExp][]) {
  test(`a ${kind} reads the full text, figures and references without JavaScript`, async ({ browser }) => {
    const context = await contextFor(browser, kind, NO_JS);
    const page = await context.newPage();
    await page.goto(ARTICLE);
    await expect(page.locator('.access-reason')).toHaveText(reason);
    await expect(page.locator('.gated-content')).toContainText(
      'This sample full text was written for the demonstration journal',
    );
    await expect(page.getByRole('heading', { name: 'References' })).toBeVisible();
    await expect(page.getByText('Sign In to Access Full Content')).toHaveCount(0);
    await expect(page.getByText('Checking your access')).toHaveCount(0);
    const header = page.getByRole('navigation', { name: 'Site' });
    if (kind === 'institution') await expect(header.getByRole('link', { name: 'Sign In' })).toBeVisible();
    else await expect(header.getByRole('link', { name: 'My Account' })).toBeVisible();
    await context.close();
  });
}

test('a visitor without JavaScript sees the access panel, Sign In, the comments and the PubMed box', async ({
  browser,
}) => {
  const context = await browser.newContext(NO_JS);
  const page = await context.newPage();
  await page.goto(ARTICLE);
  await expect(page.getByText('Sign In to Access Full Content')).toBeVisible();
  await expect(page.getByText('Purchase Online Access to this article for 24 hours')).toBeVisible();
  await expect(page.locator('.gated-content')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Sign In' })).toBeVisible();
  await expect(page.locator('#comments')).toContainText(/No comments yet\.|Conflict of interest disclosure/);
  await expect(page.locator('#comments').getByRole('link', { name: 'Sign in' })).toBeVisible();
  const pubmed = page.locator('.related-box[data-box="pubmed"]');
  await expect(pubmed).not.toContainText('Loading');
  await expect(pubmed.getByRole('link').first()).toBeVisible();
  await context.close();
});

test('without JavaScript the text size and the sidebar order saved in cookies apply', async ({ browser }) => {
  const context = await browser.newContext(NO_JS);
  await context.addCookies([
    { name: 'text-size', value: 'large', url: 'http://localhost' },
    { name: 'related-order', value: 'pubmed.topics.see-also.by-topic~see-also', url: 'http://localhost' },
  ]);
  const page = await context.newPage();
  await page.goto(ARTICLE);
  const size = (selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const large = await size('.article-preview');
  await expect(page.getByRole('button', { name: 'Large text' })).toHaveAttribute('aria-pressed', 'true');
  expect(await domBoxOrder(page)).toEqual(['pubmed', 'topics', 'see-also', 'by-topic']);
  // Painted in that order too (CSS order), and the hidden box is hidden.
  const tops = await page
    .locator('.related-box')
    .evaluateAll((boxes) => boxes.map((b) => [b.getAttribute('data-box'), b.getBoundingClientRect().top] as const));
  expect([...tops].sort((a, b) => a[1] - b[1]).map(([id]) => id)).toEqual(['pubmed', 'topics', 'see-also', 'by-topic']);
  await expect(page.locator('.related-box[data-box="see-also"] .related-box__body')).toBeHidden();
  await expect(page.locator('.related-box[data-box="pubmed"] .related-box__body')).toBeVisible();

  await context.clearCookies();
  await page.goto(ARTICLE);
  expect(await size('.article-preview')).toBeLessThan(large);
  expect(await domBoxOrder(page)).toEqual(['see-also', 'by-topic', 'topics', 'pubmed']);
  await context.close();
});

test('without JavaScript the text size buttons set the size and come back to the article', async ({ browser }) => {
  const context = await browser.newContext(NO_JS);
  const page = await context.newPage();
  await page.goto(`${ARTICLE}#article`);
  const size = () =>
    page
      .locator('.article-preview')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const medium = await size();
  await expect(page.getByRole('button', { name: 'Medium text' })).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('button', { name: 'Large text' }).click();
  await expect(page).toHaveURL(new RegExp(`${ARTICLE.replaceAll('.', '\\.')}$`));
  await expect(page.getByRole('button', { name: 'Large text' })).toHaveAttribute('aria-pressed', 'true');
  expect(await size()).toBeGreaterThan(medium);
  expect((await context.cookies()).find((c) => c.name === 'text-size')?.value).toBe('large');

  await page.getByRole('button', { name: 'Small text' }).click();
  await expect(page.getByRole('button', { name: 'Small text' })).toHaveAttribute('aria-pressed', 'true');
  expect(await size()).toBeLessThan(medium);
  await page.getByRole('button', { name: 'Medium text' }).click();
  await expect(page.getByRole('button', { name: 'Medium text' })).toHaveAttribute('aria-pressed', 'true');
  expect(await size()).toBe(medium);
  await context.close();
});

test('the text size form refuses an unknown size and a return address off the site', async ({ request }) => {
  const bad = await request.post('/api/text-size', { form: { size: 'huge', returnTo: ARTICLE }, maxRedirects: 0 });
  expect(bad.status()).toBe(422);
  expect(await bad.text()).toContain('Choose small, medium or large text.');
  const away = await request.post('/api/text-size', {
    form: { size: 'large', returnTo: '//evil.example/x' },
    maxRedirects: 0,
  });
  expect(away.status()).toBe(303);
  expect(away.headers()['location']).toBe('/');
});

// Pages rendered per request anyway: account, search and CME pages (app/(site-per-request)).
const PER_REQUEST_PAGES = ['/account', '/search?q=dermatitis', '/cme', '/cme/profile'];

test('without JavaScript a signed-in reader sees their account links on every page rendered per request', async ({
  browser,
}) => {
  const context = await contextFor(browser, 'subscriber', NO_JS);
  const page = await context.newPage();
  for (const path of PER_REQUEST_PAGES) {
    await page.goto(path);
    const header = page.getByRole('navigation', { name: 'Site' });
    await expect(header.getByRole('link', { name: 'My Account' }), path).toBeVisible();
    await expect(header.getByRole('link', { name: 'Sign In' }), path).toHaveCount(0);
  }
  await context.close();
});

test('without JavaScript a visitor sees Sign In on the search and CME pages', async ({ browser }) => {
  const context = await browser.newContext(NO_JS);
  const page = await context.newPage();
  for (const path of ['/search?q=dermatitis', '/cme']) {
    await page.goto(path);
    await expect(
      page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Sign In' }),
      path,
    ).toBeVisible();
  }
  await context.close();
});

test('without JavaScript the pages cached for everyone link to the account, which asks a visitor to sign in', async ({
  browser,
}) => {
  for (const kind of ['subscriber', 'visitor'] as const) {
    const context = kind === 'visitor' ? await browser.newContext(NO_JS) : await contextFor(browser, kind, NO_JS);
    const page = await context.newPage();
    for (const path of ['/', '/issues', '/no-such-page']) {
      await page.goto(path);
      await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Account' }).click();
      if (kind === 'visitor') await expect(page, path).toHaveURL(/\/signin\?callbackUrl=%2Faccount$/);
      else await expect(page.getByRole('heading', { level: 1 }), path).toHaveText('My Account');
    }
    await context.close();
  }
});

test('without JavaScript the sign-in and register forms never put the password in the address', async ({ browser }) => {
  const context = await browser.newContext(NO_JS);
  const page = await context.newPage();
  for (const [path, button] of [
    ['/signin', 'Sign in'],
    ['/register', 'Create account'],
  ] as const) {
    await page.goto(path);
    await page.getByLabel('Email').fill('subscriber@example.com');
    await page.getByLabel('Password').fill('journal-demo-2026');
    const sent = page.waitForRequest((request) => request.isNavigationRequest());
    await page.getByRole('button', { name: button }).click();
    expect((await sent).method(), path).toBe('POST');
    await page.waitForLoadState();
    expect(page.url(), path).not.toContain('journal-demo-2026');
    await expect(page.getByLabel('Password'), path).toBeVisible();
  }
  await context.close();
});

test('pages cached for everyone never carry a signed-in header, whoever asked first', async ({ browser }) => {
  const subscriber = await contextFor(browser, 'subscriber');
  const visitor = await browser.newContext();
  for (const path of ['/', '/issues', '/cme/states', '/about']) {
    // The subscriber first, so a cache keyed on the first reader would hand the visitor their header.
    for (const context of [subscriber, visitor]) {
      const html = await (await context.request.get(path)).text();
      expect(html, path).not.toContain('My Account');
      expect(html, path).not.toContain('Sign Out');
    }
  }
  await Promise.all([subscriber.close(), visitor.close()]);
});

// A page's notFound() comes from Next as an empty shell that only JavaScript fills
// (scripts/lib/not-found-page.mjs); the reader gets the real not-found page in the HTML instead.
test('without JavaScript an unknown article, issue or certificate shows its not-found page, with status 404', async ({
  browser,
}) => {
  const context = await browser.newContext(NO_JS);
  const page = await context.newPage();
  for (const path of ['/doi/10.1001/no-such-article', '/issues/999/9']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expect(page.getByRole('main')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Site' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Go to the current issue' })).toBeVisible();
  }
  // The certificate check's not-found says what it checked.
  const certificate = await page.goto('/cme/certificates/CME-0000-0000-0000');
  expect(certificate?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Certificate not found');
  await expect(page.getByText('We did not issue a certificate with this ID.')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Site' })).toBeVisible();
  // A client navigation (an RSC request) keeps Next's own answer.
  const rsc = await page.request.get('/doi/10.1001/no-such-article', { headers: { rsc: '1' } });
  expect(rsc.status()).toBe(404);
  expect(rsc.headers()['content-type']).toContain('text/x-component');
  await context.close();
});
