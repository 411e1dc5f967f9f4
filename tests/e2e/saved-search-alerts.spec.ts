import { expect, test } from '@playwright/test';
import { registerViaUi } from './support/auth';
import { sql } from './support/related';

const QUERY = 'stevens johnson';

test('a reader saves a search from the results page, manages it on Alerts, and unsubscribes from an email link', async ({
  page,
  browser,
}) => {
  const { email } = await registerViaUi(page, 'Sasha Searcher');
  await page.goto(`/search?q=${encodeURIComponent(QUERY)}`);
  await expect(page.getByRole('status')).toHaveText(/^\d+ articles? match “stevens johnson”\.$/);

  await page.getByText('Save this search').click();
  await expect(page.getByLabel('Name')).toHaveValue(QUERY);
  await page.getByLabel('Name').fill('SJS and TEN');
  await page.getByLabel('Email me').selectOption({ label: 'As published' });
  await page.getByRole('button', { name: 'Save search' }).click();
  await expect(page.locator('.save-search').getByRole('status')).toContainText('Saved as “SJS and TEN” (as published)');

  await page.goto('/account/alerts');
  const item = page.getByRole('listitem', { name: 'Saved search SJS and TEN' });
  await expect(item).toContainText('As published');
  await expect(item.getByRole('link', { name: 'Run this search' })).toHaveAttribute(
    'href',
    '/search?q=stevens+johnson',
  );
  await item.getByLabel('Name').fill('Stevens–Johnson');
  await item.getByRole('button', { name: 'Rename' }).click();
  // The item is named by the search's name, so it is found by its new name now.
  const renamed = page.getByRole('listitem', { name: 'Saved search Stevens–Johnson' });
  await expect(renamed.getByRole('status')).toContainText('Renamed to “Stevens–Johnson”');
  await renamed.getByLabel('Email me').selectOption({ label: 'Weekly digest' });
  await renamed.getByRole('button', { name: 'Change' }).click();
  await expect(renamed.getByRole('status').first()).toContainText('Email: weekly digest.');
  await expect(renamed).toContainText('Weekly digest ·');
  await renamed.getByLabel('Email me').selectOption({ label: 'As published' });
  await renamed.getByRole('button', { name: 'Change' }).click();
  await expect(renamed).toContainText('As published ·');

  // A new article is published that the search finds (what publishing an issue queues); the
  // server's own workers match it and queue the alert.
  await sql(
    `SELECT graphile_worker.add_job('match-saved-searches', json_build_object('articleIds', (SELECT array_agg(id) FROM "Article")))`,
  );
  let text = '';
  await expect
    .poll(
      async () => {
        const [mail] = await sql<{ text: string; unsubscribeUrl: string | null }>(
          `SELECT text, "unsubscribeUrl" FROM "OutboxEmail" WHERE "to" = $1 AND subject LIKE '%for your saved search%'`,
          [email],
        );
        text = mail?.text ?? '';
        return mail?.unsubscribeUrl ?? null;
      },
      { timeout: 20_000 },
    )
    .toMatch(/\/unsubscribe\//);
  const link = /Unsubscribe from these emails: (\S+)/.exec(text)![1]!;

  // Opened from the email in a browser with no session: a GET only asks (mail scanners follow links).
  const visitor = await browser.newPage();
  await visitor.goto(new URL(link).pathname);
  await expect(visitor.getByRole('heading', { name: 'Unsubscribe?' })).toBeVisible();
  await expect(visitor.getByText('Stop email alerts for your saved search “Stevens–Johnson”?')).toBeVisible();
  expect(await sql(`SELECT frequency FROM "SavedSearch" WHERE name = 'Stevens–Johnson'`)).toEqual([
    { frequency: 'immediate' },
  ]);
  await visitor.getByRole('button', { name: 'Unsubscribe' }).click();
  await expect(visitor.getByRole('heading', { name: 'Unsubscribed' })).toBeVisible();
  await visitor.close();

  // The search is kept, with email off.
  await page.reload();
  await expect(page.getByRole('listitem', { name: 'Saved search Stevens–Johnson' })).toContainText('No email');

  // Table of Contents alerts start from the same page.
  const toc = page.getByRole('region', { name: 'Table of Contents alerts' });
  await expect(toc).toContainText('None yet.');
  // Other specs import journals of their own (PLoS ONE, PeerJ): this one is the seed's.
  await toc.getByRole('button', { name: 'Email me each new issue of Archives of Dermatology' }).click();
  await expect(toc.getByRole('button', { name: /^Stop new-issue alerts for / })).toBeVisible();
  expect(
    await sql(
      `SELECT count(*)::int AS n FROM "JournalIssueAlert" a JOIN "User" u ON u.id = a."userId" WHERE u.email = $1`,
      [email],
    ),
  ).toEqual([{ n: 1 }]);
});

test('a visitor is asked to sign in to save a search', async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent(QUERY)}`);
  await expect(page.getByRole('link', { name: 'Sign in to save this search' })).toHaveAttribute(
    'href',
    `/signin?callbackUrl=${encodeURIComponent('/search?q=stevens+johnson')}`,
  );
});
