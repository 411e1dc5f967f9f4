// The open interfaces on the real server: OAI-PMH at /oai (GET and POST, a harvest of the seed
// followed to the end) and the admin's Crossref deposit download.
import { expect, test } from '@playwright/test';
import { signIn } from './support/auth';

const SEED_DOI = '10.1001/archdermatol.2011.3156';

test('a harvester reads Identify, lists every record and gets a paid article as its preview only', async ({
  request,
}) => {
  const identify = await request.get('/oai?verb=Identify');
  expect(identify.status()).toBe(200);
  expect(identify.headers()['content-type']).toBe('text/xml; charset=utf-8');
  expect(await identify.text()).toContain('<repositoryName>Archives of Dermatology</repositoryName>');

  const list = await request.get('/oai?verb=ListIdentifiers&metadataPrefix=oai_dc');
  const xml = await list.text();
  expect(xml).toContain(`:${SEED_DOI}</identifier>`);
  expect(xml).not.toContain('<error');

  const host = new URL(identify.url()).hostname;
  const record = await request.post('/oai', {
    form: { verb: 'GetRecord', metadataPrefix: 'jats', identifier: `oai:${host}:${SEED_DOI}` },
  });
  const jats = await record.text();
  expect(jats).toContain('<article-id pub-id-type="doi">10.1001/archdermatol.2011.3156</article-id>');
  expect(jats).toContain('<abstract>');
  expect(jats).not.toContain('<body>');

  const bad = await request.get('/oai?verb=Harvest');
  expect(await bad.text()).toContain('<error code="badVerb">');
});

test('an admin downloads the Crossref deposit of an issue; a reader may not', async ({ browser }) => {
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get('/api/admin/crossref/deposit?issue=148/4')).status()).toBe(401);
  const reader = await browser.newContext();
  await signIn(await reader.newPage(), 'reader@example.com');
  expect((await reader.request.get('/api/admin/crossref/deposit?issue=148/4')).status()).toBe(403);

  const admin = await browser.newContext();
  const page = await admin.newPage();
  await signIn(page, 'admin@example.com');
  await page.goto('/admin/articles');
  const downloading = page.waitForEvent('download');
  // The seed's issue: other specs may have added issues (and numbers) of their own before this one.
  await page
    .getByRole('listitem')
    .filter({ hasText: 'Vol 148, No. 4,' })
    .getByRole('link', { name: 'Crossref deposit XML' })
    .click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^crossref-vol148-no4-\d{4}-\d\d-\d\d\.xml$/);
  const body = await (await admin.request.get('/api/admin/crossref/deposit?issue=148/4')).text();
  expect(body).toContain('<doi_batch version="5.3.1"');
  expect(body).toContain(`<doi>${SEED_DOI}</doi>`);
  const missing = await admin.request.get('/api/admin/crossref/deposit?issue=999/9');
  expect(missing.status()).toBe(404);
  expect(((await missing.json()) as { error: string }).error).toContain('No issue "999/9"');
  for (const c of [anonymous, reader, admin]) await c.close();
});
