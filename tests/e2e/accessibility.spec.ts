import { expect, test, type Page } from '@playwright/test';
import { axeOn } from './support/axe';
import { watchRequests } from './support/network';
import { ADMIN_PAGES } from './support/admin';
import { signIn } from './support/auth';
import { loadSeedQuiz } from './support/cme';
import { SEED_DOI } from './support/content';

const ARTICLE = `/doi/${SEED_DOI}`;

// The pages the rest of the suite visits, by who visits them. Every axe rule counts, at every
// impact: "minor" problems are still problems for the reader who meets them. None of them may
// scroll sideways on a phone, nor make the browser report a Content-Security-Policy violation
// (what Chromium's Issues panel and Lighthouse's best practices count).
const PAGES = {
  visitor: [
    '/',
    '/issues',
    '/issues/148/4',
    ARTICLE,
    `${ARTICLE}/pdf`,
    '/search?q=ivig',
    '/topics/drug-reactions',
    '/signin',
    '/register',
    '/forgot-password',
    '/subscribe',
    `/purchase?doi=${SEED_DOI}`,
    '/activate',
    '/cme',
    '/cme/states',
    '/about',
    '/contact',
    '/privacy',
    '/terms',
    '/accessibility',
    '/doi/10.1001/missing',
    '/issues/999/9',
    '/no-such-page',
    '/institution-access',
    '/checkout/cancel',
    '/reset-password',
    '/verify-email',
    '/confirm-email',
    '/cme/certificates/CME-0000-0000-0000',
  ],
  subscriber: [
    ARTICLE,
    '/account',
    '/account/reading-list',
    '/account/alerts',
    '/cme',
    '/cme/profile',
    '/cme/transcript',
    '/checkout/test-portal',
  ],
  admin: ADMIN_PAGES,
  librarian: [
    '/librarian',
    '/librarian/usage',
    '/librarian/ip-ranges',
    '/librarian/test-address',
    '/librarian/history',
    '/librarian/holdings',
    '/librarian/counter-api',
    '/librarian/saml',
  ],
} as const;

const listening = new WeakSet<Page>();

/**
 * Axe's findings on the page, the CSP violations it caused, and whether it scrolls sideways on a
 * 390 px phone (the same page, resized).
 */
async function violationsOn(page: Page, path: string): Promise<string[]> {
  if (!listening.has(page)) {
    listening.add(page);
    await page.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(window, { cspViolations: seen });
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(`${e.violatedDirective} (${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber})`),
      );
    });
  }
  const requests = watchRequests(page);
  await page.goto(path);
  const { violations } = await axeOn(page).analyze();
  const found = violations.map(
    (v) => `${path} ${v.impact}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`,
  );
  await requests.settled(); // what the page fetches after load has been parsed
  const csp = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  found.push(...csp.map((violation) => `${path}: Content-Security-Policy violation: ${violation}`));
  const desktop = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) found.push(`${path} at 390 px: scrolls sideways by ${overflow} px`);
  if (desktop) await page.setViewportSize(desktop);
  return found;
}

for (const path of PAGES.visitor) {
  test(`a visitor meets no accessibility violations on ${path}`, async ({ page }) => {
    expect(await violationsOn(page, path)).toEqual([]);
  });
}

test('every page a subscriber meets, the CME quiz included, has no accessibility violations', async ({ page }) => {
  test.setTimeout(240_000); // a page after another, in one session
  await signIn(page, 'subscriber@example.com');
  const { activityId } = await loadSeedQuiz();
  const found: string[] = [];
  for (const path of [...PAGES.subscriber, `/cme/${activityId}`]) found.push(...(await violationsOn(page, path)));
  expect(found).toEqual([]);
});

test('every admin page has no accessibility violations', async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, 'admin@example.com', undefined, '/admin');
  const found: string[] = [];
  for (const path of PAGES.admin) found.push(...(await violationsOn(page, path)));
  expect(found).toEqual([]);
});

test('every page of the librarian portal has no accessibility violations', async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, 'librarian@example.com', undefined, '/librarian');
  const found: string[] = [];
  for (const path of PAGES.librarian) found.push(...(await violationsOn(page, path)));
  expect(found).toEqual([]);
});
