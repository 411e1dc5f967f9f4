// COUNTER end to end: page views through our server (the shared page, from its cache, and an
// institution address's per-reader page) become usage events with the right institution and no
// address; the librarian sees them, downloads a report, and issues and revokes COUNTER API
// credentials that the /r51/ API accepts and then refuses.
import { expect, test } from '@playwright/test';
import { signIn } from './support/auth';
import { SEED_DOI } from './support/content';
import { sql } from './support/db';

const ARTICLE = `/doi/${SEED_DOI}`;
// Playwright's own user agent is HeadlessChrome, which COUNTER's robots list names: a reader's browser instead.
const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

async function eventsAfter(lastId: string) {
  return sql<{ kind: string; institution: string | null; target: string }>(
    `SELECT e."kind"::text AS kind, i."name" AS institution, e."target"
       FROM "UsageEvent" e JOIN "Article" a ON a."id" = e."articleId" LEFT JOIN "Institution" i ON i."id" = e."institutionId"
      WHERE a."doi" = $1 AND e."id" > $2 ORDER BY e."id"`,
    [SEED_DOI, lastId],
  );
}

test('views are recorded at the server, attributed by address, and robots are not', async ({ browser }) => {
  const [last] = await sql<{ id: string }>('SELECT coalesce(max("id"), 0)::text AS id FROM "UsageEvent"');
  const lastId = last!.id;
  const visitor = await browser.newContext({ userAgent: BROWSER_UA });
  await (await visitor.newPage()).goto(ARTICLE);
  await (await visitor.newPage()).goto(ARTICLE); // the micro-cache's copy: still a view
  const campus = await browser.newContext({
    userAgent: BROWSER_UA,
    extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.50' },
  });
  const campusPage = await campus.newPage();
  await campusPage.goto(ARTICLE);
  await expect(campusPage.getByText('Access provided by', { exact: false }).first()).toBeVisible();
  // Chromium's headless mode now sends an ordinary browser agent: a crawler is named by its own.
  const robot = await browser.newContext({
    userAgent: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  });
  await (await robot.newPage()).goto(ARTICLE);
  await expect
    // In any order: the shared page records when its response ends, a per-reader page before it answers.
    .poll(async () => (await eventsAfter(lastId)).map((e) => `${e.kind} ${e.institution ?? '-'} ${e.target}`).sort(), {
      timeout: 10_000,
    })
    .toEqual([
      'investigation - page',
      'investigation - page',
      'no_license - page',
      'no_license - page',
      'request Demo University Hospital page',
    ]);
  const columns = await sql<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_name = 'UsageEvent'`,
  );
  expect(columns.map((c) => c.column_name).filter((c) => /ip|addr|agent/i.test(c))).toEqual([]);
  await Promise.all([visitor.close(), campus.close(), robot.close()]);
});

test('the librarian sees usage, downloads a report and manages COUNTER API credentials', async ({ page }) => {
  await signIn(page, 'librarian@example.com', undefined, '/librarian');
  await page.goto('/librarian/usage');
  await expect(page.getByRole('heading', { name: 'By title' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Archives of Dermatology' }).first()).toBeVisible();
  const download = await page.request.get(
    '/librarian/usage/download?report=tr_j1&begin_date=2026-01&end_date=2026-12&format=tsv',
  );
  expect(download.status()).toBe(200);
  const tsv = await download.text();
  expect(tsv).toContain('Report_ID\tTR_J1');
  expect(tsv).toContain('Total_Item_Requests');
  const xlsx = await page.request.get(
    '/librarian/usage/download?report=ir_a1&begin_date=2026-01&end_date=2026-12&format=xlsx',
  );
  expect(xlsx.headers()['content-type']).toContain('spreadsheetml');

  await page.goto('/librarian/counter-api');
  await page.getByLabel('Name of the harvester').fill('E2E harvester');
  await page.getByRole('button', { name: 'Issue credentials' }).click();
  const issued = await page.getByText('copy the key now').textContent();
  const [, customer, requestor, key] =
    /customer_id (\S+) · requestor_id (\S+) · api_key (\S+)/.exec(issued ?? '') ?? [];
  const report = `/r51/reports/tr_j1?customer_id=${customer}&requestor_id=${requestor}&api_key=${key}&begin_date=2026-01&end_date=2026-12`;
  const answer = await page.request.get(report);
  expect(answer.status()).toBe(200);
  expect(((await answer.json()) as { Report_Header: { Report_ID: string } }).Report_Header.Report_ID).toBe('TR_J1');

  await page.reload();
  const row = page.getByRole('row').filter({ hasText: 'E2E harvester' });
  await row.getByRole('button', { name: 'Revoke' }).click();
  await expect(row).toContainText(/Revoked .+: requests with this key are refused/);
  const refused = await page.request.get(report);
  expect([refused.status(), ((await refused.json()) as { Code: number }).Code]).toEqual([401, 2000]);
  await page.goto('/librarian/history');
  await expect(page.getByText('COUNTER API credentials "E2E harvester" revoked', { exact: false })).toBeVisible();
});
