// Authors as a reader and Google Scholar see them, and JATS files from other publishers uploaded
// through the admin page: their encoding honoured, affiliations and ORCID iDs shown, hostile files refused.
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { signIn } from './support/auth';
import { SEED_DOI } from './support/content';
import { sql } from './support/db';

const corpus = path.resolve(import.meta.dirname, '../fixtures/jats');
const UPLOADED = ['10.1590/1980-54702020v26e0188', '10.1590/1678-4499.20210245'];

async function adminPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, 'admin@example.com', undefined, '/admin');
  return page;
}

async function upload(admin: Page, file: string) {
  await admin.goto('/admin/articles');
  await admin.getByLabel('JATS XML file').setInputFiles(path.join(corpus, file));
  // These files come without their figure images: this suite is about authors, not assets.
  await admin.getByLabel(/Import even if files the XML references are missing/).check();
  await admin.getByRole('button', { name: 'Import article' }).click();
}

test.afterAll(async () => {
  // Leave the seeded journal as the other suites expect it.
  await sql('DELETE FROM "Article" WHERE doi = ANY($1)', [UPLOADED]);
  await sql('DELETE FROM "Journal" j WHERE NOT EXISTS (SELECT 1 FROM "Article" a WHERE a."journalId" = j.id)');
});

test('the sample article lists its author with the affiliation, and Scholar reads it after the author', async ({
  page,
}) => {
  await page.goto(`/doi/${SEED_DOI}`);
  const header = page.locator('header.article-header');
  await expect(header.getByRole('list', { name: 'Authors' })).toHaveText('Cindy England Owen, MD');
  await expect(
    header.getByText('Division of Dermatology, Department of Medicine, University of Louisville'),
  ).toBeVisible();
  const tags = await page.evaluate(() =>
    [...document.head.querySelectorAll('meta[name^="citation_author"]')].map(
      (m) => `${m.getAttribute('name')}=${m.getAttribute('content')}`,
    ),
  );
  expect(tags).toEqual([
    'citation_author=Cindy England Owen',
    'citation_author_institution=Division of Dermatology, Department of Medicine, University of Louisville, Louisville, Kentucky',
  ]);
});

test('an admin uploads an ISO-8859-1 file and a file with ORCID and ROR ids; a hostile file is refused', async ({
  browser,
}) => {
  const admin = await adminPage(browser);
  await upload(admin, 'derived/scielo-errata-rbee-2020-iso-8859-1.xml');
  // An import renders the article's PDF and first page: allow for a slow machine.
  await expect(admin.getByRole('region', { name: 'Upload JATS XML' }).getByRole('status')).toContainText('Saved.', {
    timeout: 30_000,
  });
  const [journal] = await sql<{ title: string }>(
    'SELECT j.title FROM "Journal" j JOIN "Article" a ON a."journalId" = j.id WHERE a.doi = $1',
    [UPLOADED[0]],
  );
  expect(journal?.title).toBe('Revista Brasileira de Educação Especial');

  await upload(admin, 'scielo-bragantia-ror-orcid-2022.xml');
  // An import renders the article's PDF and first page: allow for a slow machine.
  await expect(admin.getByRole('region', { name: 'Upload JATS XML' }).getByRole('status')).toContainText('Saved.', {
    timeout: 30_000,
  });
  await admin.goto(`/doi/${UPLOADED[1]}`);
  const header = admin.locator('header.article-header');
  const first = header.getByRole('list', { name: 'Authors' }).getByRole('listitem').first();
  await expect(first).toContainText('Daniel Callili');
  await expect(first.locator('sup')).toContainText('1');
  await expect(first.getByRole('link', { name: 'ORCID iD of Daniel Callili' })).toHaveAttribute(
    'href',
    'https://orcid.org/0000-0001-8130-0918',
  );
  await expect(header.getByText(/^Universidade Estadual Paulista “Júlio de Mesquita Filho” – Faculdade/)).toBeVisible();
  await expect(header.getByRole('link', { name: /ROR/ }).first()).toHaveAttribute('href', 'https://ror.org/00987cb86');

  const before = await sql<{ n: number }>('SELECT count(*)::int AS n FROM "Article"');
  await upload(admin, 'hostile/external-entity-system.xml');
  const refusal = admin.getByRole('region', { name: 'Upload JATS XML' }).getByRole('alert');
  await expect(refusal).toContainText(
    'external-entity-system.xml: declares the external entity &secret; (SYSTEM "file:///etc/passwd")',
  );
  await expect(refusal).toContainText('Nothing was imported.');
  expect(await sql<{ n: number }>('SELECT count(*)::int AS n FROM "Article"')).toEqual(before);
});
