// The librarian portal in Chromium, at phone and desktop width: who may enter, pasting and
// removing IP ranges with the preview, testing an address, the holdings and the KBART download,
// the history; and the article page's "Access provided by …" for a reader on a range just added.
// Ranges used here (198.18.0.0/15, 2001:db8:5…) are used by no other spec, and are removed after.
import fs from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { formatPartialIsoDate } from '../../lib/format-date';
import { signIn } from './support/auth';
import { SEED_DOI } from './support/content';
import { sql } from './support/db';

const SEEDED = ['203.0.113.0/24', '2001:db8:1::/48'];
const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
] as const;

async function demoRanges(): Promise<string[]> {
  const rows = await sql<{ cidr: string }>(
    `SELECT r.cidr FROM "InstitutionRange" r JOIN "Institution" i ON i.id = r."institutionId"
     WHERE i.name = 'Demo University Hospital' ORDER BY family(r.cidr::cidr), r.cidr::cidr`,
  );
  return rows.map((r) => r.cidr);
}

async function removeTestRanges() {
  await sql(
    `DELETE FROM "InstitutionRange" r USING "Institution" i
     WHERE i.id = r."institutionId" AND i.name = 'Demo University Hospital' AND NOT (r.cidr = ANY($1))`,
    [SEEDED],
  );
  await sql(`DELETE FROM "Institution" WHERE name = 'Librarian Spec Other College'`);
}

test.beforeEach(removeTestRanges);
test.afterAll(removeTestRanges);

async function librarianPage(browser: Browser, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await signIn(page, 'librarian@example.com');
  return page;
}

test('only an institution’s librarians enter the portal and its download', async ({ browser, request }) => {
  const anonymous = await browser.newPage();
  await anonymous.goto('/librarian/ip-ranges');
  await expect(anonymous).toHaveURL(/\/signin\?callbackUrl=%2Flibrarian%2Fip-ranges$/);
  expect((await request.get('/librarian/holdings/kbart')).status()).toBe(401);
  await anonymous.close();

  const context = await browser.newContext();
  const reader = await context.newPage();
  await signIn(reader, 'reader@example.com');
  const answer = await reader.goto('/librarian');
  expect(answer?.status()).toBe(403);
  await expect(reader.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
  await expect(
    reader.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Librarian', exact: true }),
  ).toHaveCount(0);
  const kbart = await context.request.get('/librarian/holdings/kbart');
  expect(kbart.status()).toBe(403);
  expect(await kbart.json()).toEqual({ error: 'Only an institution’s librarians can do this.' });
  await context.close();
});

for (const viewport of VIEWPORTS) {
  test(`a librarian manages the IP ranges with the preview and tests an address (${viewport.name})`, async ({
    browser,
  }) => {
    const page = await librarianPage(browser, viewport);
    const block = viewport.name === 'phone' ? '198.18.1' : '198.18.2';
    const v6 = viewport.name === 'phone' ? '2001:db8:5:1' : '2001:db8:5:2';

    await page.goto('/account');
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Librarian', exact: true }).click();
    await expect(page).toHaveURL(/\/librarian$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Demo University Hospital' })).toBeVisible();
    const portalNav = page.getByRole('navigation', { name: 'Librarian portal' });
    await portalNav.getByRole('link', { name: 'IP ranges' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'IP ranges' })).toBeVisible();
    const list = page.getByRole('table', { name: 'Your institution’s IP ranges' });
    for (const cidr of SEEDED) await expect(list.getByText(cidr, { exact: true })).toBeVisible();

    // A paste with a bad line: the preview says what each line is; saving refuses and changes nothing.
    const paste = page.getByLabel('Addresses and ranges to add');
    await paste.fill(`${block}.0/24\ncampus.example.edu\n10.1.0.0/16\n203.0.113.7`);
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    const preview = page.getByRole('table', { name: 'What each line was read as' });
    await expect(preview.getByRole('row')).toHaveCount(5);
    await expect(preview.getByRole('row').nth(1)).toContainText(`IPv4 CIDR range: ${block}.0/24 (256 addresses)`);
    await expect(preview.getByRole('row').nth(1)).toContainText(`Adds ${block}.0/24`);
    await expect(preview.getByRole('row').nth(1)).toContainText('benchmarking addresses (RFC 2544)');
    await expect(preview.getByRole('row').nth(2)).toContainText('Error: “campus.example.edu” is not an IPv4 or IPv6');
    await expect(preview.getByRole('row').nth(3)).toContainText('a private network (RFC 1918)');
    await expect(preview.getByRole('row').nth(4)).toContainText('already covered by your 203.0.113.0/24');
    await expect(page.getByText('1 of 4 lines could not be read')).toBeVisible();
    await page.getByRole('button', { name: 'Add ranges' }).click();
    await expect(
      page.getByText('One line could not be read. Nothing was changed: correct it and save again.'),
    ).toBeVisible();
    await expect(paste).toHaveValue(`${block}.0/24\ncampus.example.edu\n10.1.0.0/16\n203.0.113.7`);
    expect(await demoRanges()).toEqual(SEEDED);

    // Corrected: a CIDR, an a-b range and an IPv6 range are saved, listed, and in the history.
    await paste.fill(`${block}.0/25\n${block}.200-${block}.203\n${v6}::/64`);
    await page.getByRole('button', { name: 'Add ranges' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Added 3 ranges.' })).toBeVisible();
    await expect(paste).toHaveValue('');
    await expect(list.getByText(`${block}.200/30`, { exact: true })).toBeVisible();
    await expect(list.getByText(`${v6}::/64`, { exact: true })).toBeVisible();
    expect(await demoRanges()).toEqual([
      `${block}.0/25`,
      `${block}.200/30`,
      '203.0.113.0/24',
      '2001:db8:1::/48',
      `${v6}::/64`,
    ]);
    const recent = page.getByRole('table', { name: 'Recent changes' });
    await expect(recent.getByRole('row').nth(1)).toContainText(`librarian@example.com`);
    await expect(recent.getByRole('row').nth(1)).toContainText(
      `Added 3 ranges: ${block}.0/25, ${block}.200/30, ${v6}::/64`,
    );

    // Test an address: recognised by which range, and not recognised outside every range.
    await portalNav.getByRole('link', { name: 'Test an address' }).click();
    await page.getByLabel('IPv4 or IPv6 address').fill(`${block}.201`);
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Answer' })).toContainText(
      `Yes: ${block}.201 is recognised as Demo University Hospital, by your range ${block}.200/30`,
    );
    await page.getByLabel('IPv4 or IPv6 address').fill(`${block}.199`);
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Answer' })).toContainText(
      `No: ${block}.199 is not in any of your ranges.`,
    );
    await page.getByLabel('IPv4 or IPv6 address').fill('not-an-address');
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    await expect(page.getByText('“not-an-address” is not an IPv4 or IPv6 address')).toBeVisible();

    // Remove one range: gone from the list and from the database.
    await portalNav.getByRole('link', { name: 'IP ranges' }).click();
    await page.getByRole('button', { name: `Remove ${block}.200/30` }).click();
    await expect(page.getByText(`Removed ${block}.200/30.`)).toBeVisible();
    await expect(list.getByText(`${block}.200/30`, { exact: true })).toHaveCount(0);
    expect(await demoRanges()).not.toContain(`${block}.200/30`);

    // No part of the portal scrolls sideways on a phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.context().close();
  });
}

test('the holdings page lists the subscription and downloads the KBART title list', async ({ browser }) => {
  const page = await librarianPage(browser, VIEWPORTS[1]);
  await page.goto('/librarian/holdings');
  await expect(page.getByRole('heading', { level: 1, name: 'Subscription and holdings' })).toBeVisible();
  await expect(page.locator('.admin-stats')).toContainText('Active');
  await expect(page.getByRole('table')).toContainText('Archives of Dermatology');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download the KBART title list' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    /^SampleMedicalPublishing_DemoUniversityHospital_AllTitles_\d{4}-\d\d-\d\d\.txt$/,
  );
  const [header, row, end] = fs.readFileSync(await download.path(), 'utf8').split('\n');
  expect(header?.split('\t')).toHaveLength(25);
  expect(header?.split('\t').slice(0, 4)).toEqual([
    'publication_title',
    'print_identifier',
    'online_identifier',
    'date_first_issue_online',
  ]);
  const cells = row?.split('\t') ?? [];
  expect(cells).toHaveLength(25);
  expect(cells[0]).toBe('Archives of Dermatology');
  expect(cells[13]).toBe('fulltext');
  // The file keeps KBART's ISO date; the page writes the same coverage in words.
  expect(cells[3]).toMatch(/^\d{4}(-\d\d)?$/);
  const firstOnline = formatPartialIsoDate(cells[3] ?? '');
  expect(firstOnline).toMatch(/^(\d{4}|[A-Z][a-z]+ \d{4})$/);
  await expect(page.getByRole('table')).toContainText(`${firstOnline} (vol. ${cells[4]}, issue ${cells[5]})`);
  expect(cells[24]).toBe('P');
  expect(end).toBe('');
  await page.context().close();
});

test('a librarian never reaches another institution, even with a doctored choice cookie', async ({ browser }) => {
  const [other] = await sql<{ id: string }>(
    `INSERT INTO "Institution" (id, name, "activeFrom", "updatedAt") VALUES ('librarian-spec-other', 'Librarian Spec Other College', now(), now()) RETURNING id`,
  );
  await sql(
    `INSERT INTO "InstitutionRange" (id, "institutionId", cidr) VALUES ('librarian-spec-other-r', $1, '198.19.0.0/24')`,
    [other!.id],
  );
  const page = await librarianPage(browser, VIEWPORTS[1]);
  await page
    .context()
    .addCookies([{ name: 'librarian-institution', value: other!.id, url: `${new URL(page.url()).origin}/librarian` }]);
  await page.goto('/librarian/ip-ranges');
  await expect(page.getByRole('heading', { level: 1, name: 'IP ranges' })).toBeVisible();
  await expect(page.locator('.librarian__institution')).toContainText('Demo University Hospital');
  await expect(page.getByText('198.19.0.0/24')).toHaveCount(0);
  await expect(page.getByText('Librarian Spec Other College')).toHaveCount(0);
  // Its range overlaps are warned of without naming it.
  await page.getByLabel('Addresses and ranges to add').fill('198.19.0.5');
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByRole('table', { name: 'What each line was read as' })).toContainText(
    'overlaps a range registered to another institution',
  );
  await expect(page.getByText('Librarian Spec Other College')).toHaveCount(0);
  await page.goto('/librarian/test-address?address=198.19.0.5');
  await expect(page.getByRole('region', { name: 'Answer' })).toContainText(
    'No: 198.19.0.5 is not in any of your ranges.',
  );
  expect((await sql(`SELECT 1 FROM "InstitutionRange" WHERE id = 'librarian-spec-other-r'`)).length).toBe(1);
  await page.context().close();
});

test('a reader on a range the librarian just added reads the article, "Access provided by" the institution, without JavaScript', async ({
  browser,
}) => {
  const reader = await browser.newContext({
    javaScriptEnabled: false,
    viewport: VIEWPORTS[0],
    extraHTTPHeaders: { 'X-Forwarded-For': '198.18.9.77' },
  });
  const article = await reader.newPage();
  await article.goto(`/doi/${SEED_DOI}`);
  await expect(article.getByText('Sign In to Access Full Content')).toBeVisible();

  const page = await librarianPage(browser, VIEWPORTS[1]);
  await page.goto('/librarian/ip-ranges');
  await page.getByLabel('Addresses and ranges to add').fill('198.18.9.0/24');
  await page.getByRole('button', { name: 'Add ranges' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added 1 range.' })).toBeVisible();

  // Every server instance reloads its ranges within about a second (InstitutionRangeVersion).
  await expect
    .poll(
      async () => {
        await article.goto(`/doi/${SEED_DOI}`);
        return article.locator('.access-reason').count();
      },
      { timeout: 10_000 },
    )
    .toBe(1);
  await expect(article.locator('.access-reason')).toHaveText('Access provided by Demo University Hospital');
  await expect(article.locator('.gated-content')).toContainText(
    'This sample full text was written for the demonstration journal',
  );

  await page.getByRole('button', { name: 'Remove 198.18.9.0/24' }).click();
  await expect(page.getByText('Removed 198.18.9.0/24.')).toBeVisible();
  await expect
    .poll(
      async () => {
        await article.goto(`/doi/${SEED_DOI}`);
        return article.getByText('Sign In to Access Full Content').count();
      },
      { timeout: 10_000 },
    )
    .toBe(1);
  await reader.close();
  await page.context().close();
});

test('an admin makes an account a librarian in the admin console, and removes it', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'admin@example.com');
  await page.goto('/admin/institutions');
  const box = page.getByRole('region', { name: 'Demo University Hospital' });
  await expect(box.getByText('Lee Librarian (librarian@example.com)')).toBeVisible();
  await box.getByLabel('Make an account a librarian (email)').fill('nobody-here@example.org');
  await box.getByRole('button', { name: 'Assign librarian' }).click();
  await expect(box.getByText(/No account uses nobody-here@example\.org/)).toBeVisible();
  await box.getByLabel('Make an account a librarian (email)').fill('subscriber@example.com');
  await box.getByRole('button', { name: 'Assign librarian' }).click();
  await expect(box.getByText('Sam Subscriber (subscriber@example.com)')).toBeVisible();
  page.once('dialog', (d) => void d.accept());
  await box.getByRole('button', { name: 'Remove subscriber@example.com' }).click();
  await expect(box.getByText('Sam Subscriber (subscriber@example.com)')).toHaveCount(0);
  const actions = await sql<{ action: string }>(
    `SELECT action FROM "AuditEvent" WHERE action LIKE 'institution.librarian.%' ORDER BY "createdAt"`,
  );
  expect(actions.map((a) => a.action)).toEqual(['institution.librarian.assign', 'institution.librarian.remove']);
  await context.close();
});
