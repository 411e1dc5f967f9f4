import { expect, test, type APIRequestContext } from '@playwright/test';
import { loadSeededArticles, probesOf, SEED_DOI, type SeededArticle } from './support/content';
import { signIn } from './support/auth';

const ARTICLE = `/doi/${SEED_DOI}`;
let seed: SeededArticle;
test.beforeAll(async () => {
  seed = (await loadSeededArticles()).find((a) => a.doi === SEED_DOI)!;
});

async function bodies(request: APIRequestContext, headers: Record<string, string> = {}) {
  const get = async (url: string, extra: Record<string, string> = {}) => {
    const res = await request.get(url, { headers: { ...headers, ...extra } });
    return { status: res.status(), text: await res.text() };
  };
  return [
    await get(ARTICLE),
    await get(ARTICLE, { RSC: '1' }),
    await get(`/api/articles/full-text?doi=${encodeURIComponent(SEED_DOI)}`),
    await get(`${ARTICLE}/pdf`),
  ];
}

test('a subscriber reads the full text with the reason, and downloads the PDF', async ({ page }) => {
  await signIn(page, 'subscriber@example.com', undefined, ARTICLE);
  await expect(page.getByText(/^Subscriber until \d{1,2} [A-Z][a-z]+ \d{4}$/)).toBeVisible();
  await expect(page.locator('.gated-content')).toContainText(
    'This sample full text was written for the demonstration journal',
  );
  await expect(page.getByRole('heading', { name: 'References' })).toBeVisible();
  await expect(page.getByText('Sign In to Access Full Content')).toHaveCount(0);
  const pdf = await page.request.get(`${ARTICLE}/pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
});

test('the full text is in the first response: no request after load, never the sign-in panel first', async ({
  page,
}) => {
  await signIn(page, 'subscriber@example.com', undefined, ARTICLE);
  // Nothing the page asks for after load may decide what the reader sees.
  await page.route('**/api/**', (route) => route.abort());
  const response = await page.goto(ARTICLE);
  expect(await response!.text()).toContain('This sample full text was written for the demonstration journal');
  await expect(page.getByText(/^Subscriber until \d{1,2} [A-Z][a-z]+ \d{4}$/)).toBeVisible();
  await expect(page.getByText('Sign In to Access Full Content')).toHaveCount(0);
  await expect(page.getByText('Checking your access to the full text…')).toHaveCount(0);
});

test('a free account sees the preview and the access panel, and no response carries the full text', async ({
  page,
}) => {
  await signIn(page, 'reader@example.com', undefined, ARTICLE);
  await expect(page.getByRole('link', { name: 'My Account' })).toBeVisible();
  await expect(page.getByText('Sign In to Access Full Content')).toBeVisible();
  await expect(page.locator('.gated-content')).toHaveCount(0);
  const probes = probesOf(seed);
  for (const { text } of await bodies(page.request)) {
    for (const probe of probes) expect(text).not.toContain(probe);
  }
});

test('an anonymous visitor sees the preview and the access panel only', async ({ page }) => {
  await page.goto(ARTICLE);
  await expect(page.getByText('Sign In to Access Full Content')).toBeVisible();
  await expect(page.getByText('Purchase Online Access to this article for 24 hours')).toBeVisible();
  await expect(page.locator('.gated-content')).toHaveCount(0);
});

test('a visitor sees the references, and every citation link in the preview lands on one', async ({ page }) => {
  await page.goto(ARTICLE);
  await expect(page.getByRole('heading', { name: 'References' })).toBeVisible();
  const targets = await page
    .locator('.article-preview a[href^="#"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')!.slice(1)));
  expect(targets.length, 'the seed preview cites references').toBeGreaterThan(0);
  for (const id of targets) await expect(page.locator(`[id="${id}"]`), id).toHaveCount(1);
});

test('a visitor who asks for the PDF gets the site’s page with the access panel, answered 403', async ({ page }) => {
  for (const width of [390, 1366]) {
    await page.setViewportSize({ width, height: 800 });
    const res = await page.goto(`${ARTICLE}/pdf`);
    expect(res!.status()).toBe(403);
    expect(res!.headers()['cache-control']).toMatch(/no-store|private/);
    await expect(page.getByRole('link', { name: 'Current Issue' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('The Need to Examine the Risks');
    await expect(page.getByRole('link', { name: 'Sign In to Access Full Content' })).toBeVisible();
    await expect(page.getByText('Purchase Online Access to this article for 24 hours')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  }
  await page.getByRole('link', { name: 'Sign In to Access Full Content' }).click();
  await page.getByLabel('Email').fill('subscriber@example.com');
  await page.getByLabel('Password').fill('journal-demo-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`${ARTICLE}$`));
  expect((await page.request.get(`${ARTICLE}/pdf`)).headers()['content-type']).toBe('application/pdf');
});

test('a reader on an institution’s network reads the full text; outside it, not', async ({ request }) => {
  const url = `/api/articles/full-text?doi=${encodeURIComponent(SEED_DOI)}`;
  const inside = await request.get(url, { headers: { 'X-Forwarded-For': '203.0.113.77' } });
  expect(await inside.json()).toMatchObject({ canRead: true, reason: 'Access provided by Demo University Hospital' });
  const inside6 = await request.get(url, { headers: { 'X-Forwarded-For': '2001:db8:1::9' } });
  expect(await inside6.json()).toMatchObject({ canRead: true });
  const outside = await request.get(url, { headers: { 'X-Forwarded-For': '192.0.2.1' } });
  expect(await outside.json()).toEqual({ canRead: false, reason: null, until: null });
  for (const { text } of await bodies(request, { 'X-Forwarded-For': '192.0.2.1' })) {
    for (const probe of probesOf(seed)) expect(text).not.toContain(probe);
  }
});

test('a forged session cookie or role opens nothing', async ({ browser }) => {
  const context = await browser.newContext();
  await context.addCookies([
    { name: 'next-auth.session-token', value: 'forged.token.value', url: 'http://localhost' },
    { name: 'role', value: 'admin', url: 'http://localhost' },
  ]);
  const page = await context.newPage();
  const res = await page.request.get(`/api/articles/full-text?doi=${encodeURIComponent(SEED_DOI)}`);
  expect(await res.json()).toEqual({ canRead: false, reason: null, until: null });
  expect(await (await page.request.get('/api/me')).json()).toBeNull();
  await context.close();
});

test('a sign-in post without next-auth’s CSRF token is refused and starts no session', async ({ request }) => {
  const res = await request.post('/api/auth/callback/credentials', {
    form: { email: 'subscriber@example.com', password: 'journal-demo-2026' },
    maxRedirects: 0,
  });
  expect(res.status()).toBe(302);
  expect(res.headers()['location']).toContain('csrf=true');
  expect(
    res.headersArray().some((h) => h.name.toLowerCase() === 'set-cookie' && h.value.includes('session-token')),
  ).toBe(false);
  expect(await (await request.get('/api/me')).json()).toBeNull();
});
