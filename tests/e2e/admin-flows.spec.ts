import { expect, test, type Browser, type Page } from '@playwright/test';
import { registerViaUi, signIn } from './support/auth';
import { SEED_DOI } from './support/content';
import { sql } from './support/db';
import { actionIdOf, callAction } from './support/server-actions';

const ACTIONS = 'lib/admin/actions.ts';

const ARTICLE = `/doi/${SEED_DOI}`;
const FULL_TEXT = 'This sample full text was written for the demonstration journal';

async function adminPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, 'admin@example.com', undefined, '/admin');
  return page;
}

test('admin grants a complimentary subscription → that reader sees the full text; the audit log lists it', async ({
  browser,
  page,
}) => {
  const reader = await registerViaUi(page, 'Grace Granted');
  await page.goto(ARTICLE);
  await expect(page.getByText('Sign In to Access Full Content')).toBeVisible();

  const admin = await adminPage(browser);
  await admin.goto('/admin/subscriptions');
  const grant = admin.getByRole('region', { name: 'Grant a complimentary subscription' });
  // A refusal names each field as the form labels it, never by its key.
  await grant.getByRole('button', { name: 'Grant subscription' }).click();
  await expect(grant.getByText('Please correct these fields.')).toBeVisible();
  await expect(grant.getByText('Reader’s email: Enter the reader’s email address.')).toBeVisible();
  await expect(grant.getByText(/^Ends on: /)).toBeVisible();
  await expect(grant.getByText(/endsAt:|^email:/)).toHaveCount(0);
  await grant.getByLabel('Reader’s email').fill(reader.email);
  await grant.getByLabel('Ends on').fill('2031-06-30');
  await grant.getByRole('button', { name: 'Grant subscription' }).click();
  await expect(grant.getByText('Saved.')).toBeVisible();

  await page.goto(ARTICLE);
  await expect(page.locator('.gated-content')).toContainText(FULL_TEXT);
  await expect(page.getByText('Subscriber until 30 June 2031')).toBeVisible();

  // Found by the reader's email; its words are the admin's, not stored values; ended rows offer no changes.
  await admin.goto(`/admin/subscriptions?q=${encodeURIComponent(reader.email.toUpperCase())}`);
  const row = admin.getByRole('row').filter({ hasText: reader.email });
  await expect(admin.getByRole('row')).toHaveCount(2);
  await expect(row).toContainText('Annual');
  await expect(row).toContainText('Complimentary');
  await expect(row).toContainText('Active');
  admin.once('dialog', (d) => void d.accept());
  await row.getByLabel('Cancel').selectOption('now');
  await row.getByRole('button', { name: 'Cancel subscription' }).click();
  await expect(row).toContainText('Cancelled');
  await expect(row).toContainText('Ended');
  await expect(row.getByRole('button')).toHaveCount(0);
  await page.goto(ARTICLE);
  await expect(page.getByText('Sign In to Access Full Content')).toBeVisible();

  await admin.goto('/admin/audit?action=subscription');
  await expect(
    admin.getByRole('cell', { name: `Complimentary annual subscription for ${reader.email} until 30 June 2031` }),
  ).toBeVisible();
});

test('admin refunds a purchase → the buyer sees the preview again; the audit log lists it', async ({
  browser,
  page,
}) => {
  const buyer = await registerViaUi(page, 'Bea Buyer');
  await sql(
    `INSERT INTO "ArticlePurchase" (id, "userId", "articleId", "confirmedAt", "expiresAt", "amountCents", currency)
     SELECT 'e2e-refund-' || floor(random() * 1e9)::text, u.id, a.id, now(), now() + interval '24 hours', 3000, 'usd'
     FROM "User" u, "Article" a WHERE u.email = $1 AND a.doi = $2`,
    [buyer.email, SEED_DOI],
  );
  await page.goto(ARTICLE);
  await expect(page.locator('.gated-content')).toContainText(FULL_TEXT);
  await expect(page.getByText(/24-hour access until/)).toBeVisible();

  const admin = await adminPage(browser);
  // The unfiltered list keeps the row after the refresh, so the new status is what the admin sees.
  await admin.goto('/admin/purchases');
  const row = admin.getByRole('row').filter({ hasText: buyer.email });
  admin.once('dialog', (d) => void d.accept());
  await row.getByRole('button', { name: 'Refund' }).click();
  await expect(row).toContainText('revoked: Refunded by admin@example.com');
  await expect(row.getByRole('button', { name: 'Refund' })).toHaveCount(0);
  await admin.goto('/admin/purchases?status=revoked');
  await expect(admin.getByRole('row').filter({ hasText: buyer.email })).toContainText(
    `revoked: Refunded by admin@example.com`,
  );

  await page.goto(ARTICLE);
  await expect(page.getByText('Sign In to Access Full Content')).toBeVisible();
  await expect(page.locator('.gated-content')).toHaveCount(0);
  // The buyer is told what happened, not which admin did it.
  await page.goto('/account');
  await expect(page.getByText('Ended: the payment was refunded').first()).toBeVisible();
  await expect(page.getByText('admin@example.com')).toHaveCount(0);
  await admin.goto('/admin/audit?action=purchase');
  await expect(
    admin.getByRole('cell', { name: new RegExp(`Refunded ${buyer.email.replace(/[.]/g, '\\.')}'s 24-hour access`) }),
  ).toBeVisible();
});

test('CSV member import with two bad rows → the report names each line; the good rows can be activated', async ({
  browser,
}) => {
  const admin = await adminPage(browser);
  await admin.goto('/admin/members');
  const csv = [
    'member_number,last_name,expires_on',
    'E2E-1,Nakamura,2031-01-31',
    'E2E-2,,2031-01-31',
    'E2E-3,Silva,2031-02-30x',
    'E2E-4,Ali,2031-03-31',
  ].join('\n');
  await admin
    .getByLabel('CSV file', { exact: true })
    .setInputFiles({ name: 'members.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await admin.getByRole('button', { name: 'Import members' }).click();
  await expect(admin.getByText('Saved. 2 imported, 0 updated, 2 rejected.')).toBeVisible();
  await expect(admin.getByText('Line 3: last_name is empty')).toBeVisible();
  await expect(admin.getByText('Line 4: expires_on must be a date like 2027-12-31')).toBeVisible();
  await admin.goto('/admin/audit?action=members');
  await expect(admin.getByRole('cell', { name: /Imported members\.csv: 2 new, 0 updated, 2 rejected/ })).toBeVisible();
});

test('moderation approves a comment → it shows on the article; the audit log lists it', async ({ browser, page }) => {
  const body = `Thoughtful e2e comment ${Date.now()}`;
  await sql(
    `INSERT INTO "Comment" (id, "articleId", "userId", body, disclosure, status)
     SELECT 'e2e-c-' || floor(random() * 1e9)::text, a.id, u.id, $1, 'None', 'pending'
     FROM "Article" a, "User" u WHERE a.doi = $2 AND u.email = 'reader@example.com'`,
    [body, SEED_DOI],
  );
  await page.goto(`${ARTICLE}#comments`);
  await expect(page.getByText(body)).toHaveCount(0);

  const admin = await adminPage(browser);
  await admin.goto('/admin/comments');
  const queue = admin.getByRole('region', { name: 'Comments waiting for moderation' });
  const item = queue.getByRole('article').filter({ hasText: body });
  await item.getByRole('button', { name: 'Approve' }).click();
  await expect(item).toHaveCount(0); // it leaves the queue once approved

  await page.reload(); // same address, #comments tab still chosen
  await expect(page.getByText(body)).toBeVisible();
  await admin.goto('/admin/audit?action=comment');
  await expect(admin.getByRole('cell', { name: /Approved a comment by reader@example\.com/ })).toBeVisible();
});

test('an oversized upload is refused with a message and changes nothing', async ({ browser }) => {
  const admin = await adminPage(browser);
  const before = await sql<{ n: number }>('SELECT count(*)::int AS n FROM "MemberRecord"');
  // As the form posts it, past the check the page makes before sending: the server refuses it too.
  const answer = await callAction(admin.request, '/admin/members', actionIdOf(ACTIONS, 'importMembersAction'), {
    csv: new File(['x'.repeat(2_200_000)], 'big.csv'),
  });
  expect(answer.status).toBe(413);
  expect(answer.raw).toContain('too large');
  expect(await sql<{ n: number }>('SELECT count(*)::int AS n FROM "MemberRecord"')).toEqual(before);
});
