import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-bibtex';
import { registerViaUi } from './support/auth';
import { SEED_DOI } from './support/content';
import { sql } from './support/related';

const ARTICLE = `/doi/${SEED_DOI}`;
const TITLE =
  'The Need to Examine the Risks and Benefits of Intravenous Immunoglobulin Therapy in Severe Cutaneous Adverse Reactions';

async function download(page: Page, name: string): Promise<{ fileName: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  return { fileName: file.suggestedFilename(), text: fs.readFileSync(await file.path(), 'utf8') };
}

test('RIS and BibTeX downloads parse back into the article’s fields', async ({ page }) => {
  await page.goto(ARTICLE);
  await expect(
    page.getByText('Some tools below are only available to our subscribers or users with an online account.'),
  ).toBeVisible();

  const ris = await download(page, 'Download citation (RIS)');
  expect(ris.fileName).toMatch(/\.ris$/);
  const tag = (t: string) => [...ris.text.matchAll(new RegExp(`^${t}  - (.*)$`, 'gm'))].map((m) => m[1]!.trim());
  expect(tag('TY')).toEqual(['JOUR']);
  expect(tag('AU')).toEqual(['Owen, Cindy England']);
  expect(tag('TI')[0]).toContain(TITLE);
  expect(tag('JO')).toEqual(['Archives of Dermatology']);
  expect(tag('VL')).toEqual(['148']);
  expect(tag('IS')).toEqual(['4']);
  expect(tag('SP')).toEqual(['545']);
  expect(tag('DO')).toEqual([SEED_DOI]);
  const [fromRis] = (await Cite.async(ris.text)).data;
  expect(fromRis).toMatchObject({
    type: 'article-journal',
    DOI: SEED_DOI,
    volume: '148',
    issue: '4',
    page: '545',
    'container-title': 'Archives of Dermatology',
  });

  const bib = await download(page, 'Download citation (BibTeX)');
  expect(bib.fileName).toMatch(/\.bib$/);
  const [fromBib] = (await Cite.async(bib.text)).data;
  expect(fromBib).toMatchObject({
    type: 'article-journal',
    DOI: SEED_DOI,
    volume: '148',
    issue: '4',
    page: '545',
    'container-title': 'Archives of Dermatology',
  });
  expect(String(fromBib?.title)).toContain(TITLE);
  expect(fromBib?.author).toEqual([{ family: 'Owen', given: 'Cindy England' }]);
});

test('account holders save the article and switch on alerts, confirmed by email', async ({ page }) => {
  await page.goto(ARTICLE);
  await expect(page.locator('.article-tools').getByRole('link', { name: 'Sign in' })).toBeVisible();
  const { email } = await registerViaUi(page, 'Sasha Saver');
  await page.goto(ARTICLE);
  const save = page.getByRole('checkbox', { name: 'Save to my reading list' });
  await save.check();
  await expect(save).toBeChecked();
  await page.getByRole('checkbox', { name: /new comments on this article/ }).check();
  await page.getByRole('checkbox', { name: /new issue of this journal/ }).check();
  await expect(page.getByRole('checkbox', { name: /new issue of this journal/ })).toBeChecked();
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Save to my reading list' })).toBeChecked();
  await page.getByRole('link', { name: 'My reading list' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My Reading List' })).toBeVisible();
  await expect(page.getByRole('link', { name: /The Need to Examine the Risks/ })).toBeVisible();
  const subjects = (
    await sql<{ subject: string }>(`SELECT subject FROM "OutboxEmail" WHERE "to" = $1 ORDER BY "createdAt"`, [email])
  ).map((r) => r.subject);
  expect(subjects).toEqual(
    expect.arrayContaining(['Comment alerts are on', 'New-issue alerts for Archives of Dermatology are on']),
  );
});

test('the PDF link leads to the access rule: a visitor is refused, the cite box shows AMA style', async ({ page }) => {
  await page.goto(ARTICLE);
  await expect(page.locator('#cite')).toContainText('Owen CE. The Need to Examine the Risks');
  const res = await page.request.get(`${ARTICLE}/pdf`, { maxRedirects: 0 });
  expect(res.status()).not.toBe(200);
});
