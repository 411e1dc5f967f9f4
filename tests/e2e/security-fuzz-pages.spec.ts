// Fuzzes the route params and query strings of pages and file routes (article, PDF, first page,
// citations, issues, topics, search, CME, account and admin pages) with hostile values and
// broken encodings. Every answer is below 500, shows no internals, and never echoes markup.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { createAccount, expectHandledPage, HOSTILE_URL_PARTS, signedInApi } from './support/fuzz';

type Role = 'anonymous' | 'reader' | 'admin';

/** Addresses with `{}` where the hostile part goes, and who asks for them. */
const TEMPLATES: [role: Role, template: string][] = [
  ['anonymous', '/doi/10.1001/{}'],
  ['anonymous', '/doi/{}/archdermatol.2011.3156'],
  ['reader', '/doi/10.1001/{}/pdf'],
  ['anonymous', '/doi/10.1001/{}/first-page.png'],
  ['anonymous', '/doi/10.1001/{}/first-page-thumbnail.webp'],
  ['anonymous', '/doi/10.1001/{}/citation.ris'],
  ['anonymous', '/doi/10.1001/{}/citation.bib'],
  ['anonymous', '/issues/{}/1'],
  ['anonymous', '/issues/147/{}'],
  ['anonymous', '/topics/{}'],
  ['anonymous', '/search?q={}'],
  ['anonymous', '/cme/states/{}'],
  ['anonymous', '/cme/certificates/{}'],
  ['reader', '/cme/certificates/{}/pdf'],
  ['reader', '/cme/{}'],
  ['reader', '/cme/{}/attempts/{}'],
  ['reader', '/purchase?doi={}'],
  ['reader', '/purchase?doi=10.1001/{}'],
  ['reader', '/subscribe?callbackUrl={}&returnTo={}'],
  ['reader', '/checkout/success?session_id={}'],
  ['reader', '/checkout/test-payment?session={}'],
  ['reader', '/checkout/test-portal?subscription={}'],
  ['anonymous', '/signin?callbackUrl={}&error={}'],
  ['anonymous', '/register?callbackUrl={}'],
  ['anonymous', '/verify-email?token={}'],
  ['anonymous', '/reset-password?token={}'],
  ['admin', '/admin/users?q={}&page={}'],
  ['admin', '/admin/users/{}'],
  ['admin', '/admin/audit?action={}&actor={}&target={}&from={}&to={}&page={}'],
  ['admin', '/admin/subscriptions?status={}&plan={}&source={}&page={}'],
  ['admin', '/admin/purchases?status={}&page={}'],
  ['admin', '/admin/cme?activityId={}&from={}&to={}'],
];

const apis = new Map<Role, APIRequestContext>();

test.beforeAll(async () => {
  const reader = await createAccount('Fuzz Page Reader');
  const admin = await createAccount('Fuzz Page Admin', 'admin');
  apis.set('reader', await signedInApi(reader.email, reader.password));
  apis.set('admin', await signedInApi(admin.email, admin.password));
});

test.afterAll(async () => {
  for (const api of apis.values()) await api.dispose();
});

test('hostile route params and query strings: never a 500, no internals, no reflected markup', async ({ request }) => {
  test.setTimeout(240_000);
  for (const [role, template] of TEMPLATES) {
    const api = apis.get(role) ?? request;
    for (const [label, part] of HOSTILE_URL_PARTS) {
      const path = template.replaceAll('{}', part);
      const res = await api.get(path, { maxRedirects: 0 });
      const what = `${role} GET ${template} with ${label}`;
      await expectHandledPage(res, what);
      const text = await res.text();
      expect(text, what).not.toContain('<script>alert(1)</script>');
      expect(text, what).not.toContain('<img src=x onerror');
      if (res.status() >= 300 && res.status() < 400) {
        // Redirects stay on this site (sign-in, callbacks): never to a URL the visitor supplied.
        expect(res.headers()['location'] ?? '', what).toMatch(/^(\/(?![/\\])|http:\/\/localhost:\d+\/)/);
      }
    }
  }
});

test('broken addresses are refused with 400 and a sentence, before any page code runs', async ({ request }) => {
  for (const path of [
    '/doi/10.1001/%E0%A4%A',
    '/topics/%ED%A0%80',
    '/issues/1/%',
    '/cme/%C0%AF',
    '/doi/10.1001/x%00/pdf',
    '/search?q=%00',
    '/api/articles/full-text?doi=10.1001/%00',
  ]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(400);
    expect(await res.text(), path).toMatch(/^(\{"error":")?The address is not valid: .+\.("\})?$/);
  }
});

test('an open-redirect attempt through callbackUrl ends on this site after sign-in', async ({ page }) => {
  const account = await createAccount('Fuzz Redirect Reader');
  for (const target of ['https://evil.example/', '//evil.example/', '/\\evil.example/', 'javascript:alert(1)']) {
    await page.context().clearCookies();
    await page.goto(`/signin?callbackUrl=${encodeURIComponent(target)}`);
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Password').fill(account.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname !== '/signin');
    expect(new URL(page.url()).host, target).toBe(new URL(test.info().project.use.baseURL!).host);
  }
});
