import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { signIn } from './support/auth';
import { sql } from './support/db';
import { removeArticle, uploadJatsAsAdmin } from './support/jats-upload';
import { plosOnePackageFiles, zipOf } from '../support/jats-packages';

// PLOS ONE pone.0046493 as a PMC-style zip: the real XML with real JPEG/TIFF/PNG/GIF images.
const DOI = '10.1371/journal.pone.0046493';
const ARTICLE = `/doi/10.1371/${encodeURIComponent('journal.pone.0046493')}`;
const FIGURE = 'pone-0046493-g001';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  const bytes = Buffer.from(zipOf(await plosOnePackageFiles(), 'pone.0046493/'));
  const outcome = await uploadJatsAsAdmin(browser, 'pone.0046493.zip', { bytes, allowMissingAssets: false });
  expect(outcome).toContain('Saved.');
  // The file is CC BY; here it stands for a paid article, so its figures are gated like its text.
  await sql(`UPDATE "Article" SET "isFree" = false WHERE doi = $1`, [DOI]);
});

test.afterAll(async () => removeArticle(DOI));

test('an entitled reader sees the figure images, and downloads a slide that is a valid PPTX', async ({ page }) => {
  await signIn(page, 'subscriber@example.com', undefined, ARTICLE);
  await page.goto(ARTICLE);
  const figure = page.locator(`figure#${FIGURE}`);
  const image = figure.locator('picture img');
  await image.scrollIntoViewIfNeeded();
  await expect(image).toHaveAttribute('alt', /^Figure 1 Chemical structure of inhibitors\./);
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
  // The browser picked a modern format from the <picture>.
  const current = await image.evaluate((img: HTMLImageElement) => img.currentSrc);
  expect(current).toMatch(/\.(avif|webp)$/);

  const download = page.waitForEvent('download');
  await figure.getByRole('link', { name: 'Download slide' }).click();
  const file = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of file) chunks.push(chunk as Buffer);
  const pptx = unzipSync(new Uint8Array(Buffer.concat(chunks)));
  const slide = new TextDecoder().decode(pptx['ppt/slides/slide1.xml']);
  expect(slide).toContain('Figure 1');
  expect(slide).toContain('Chemical structure of inhibitors.');
  expect(slide).toContain(`doi:${DOI}`);
  expect(Object.keys(pptx).filter((name) => /^ppt\/media\/.+\.(jpe?g|png)$/.test(name))).toHaveLength(1);

  // A table's slide is a native table.
  const table = await page.request.get(`${ARTICLE}/slides/pone-0046493-t001`);
  expect(table.status()).toBe(200);
  const tableXml = new TextDecoder().decode(unzipSync(new Uint8Array(await table.body()))['ppt/slides/slide1.xml']);
  expect(tableXml).toContain('<a:tbl>');
  expect(tableXml).toContain('Substrate chain length/specific activities');
});

test('a visitor gets 403 for a gated figure image and for its slide', async ({ page, request }) => {
  const [row] = await sql<{ key: string }>(
    `SELECT key FROM "ArticleAsset" a JOIN "Article" r ON r.id = a."articleId" WHERE r.doi = $1 AND key LIKE '%-g001-%.webp' LIMIT 1`,
    [DOI],
  );
  const imageUrl = `${ARTICLE}/assets/${row!.key}`;
  const image = await request.get(imageUrl);
  expect(image.status()).toBe(403);
  expect(image.headers()['content-type']).toContain('text/html');
  expect((await request.get(`${ARTICLE}/slides/${FIGURE}`)).status()).toBe(403);
  expect((await request.get(`${ARTICLE}/assets/no-such-file.jpg`)).status()).toBe(404);
  // The visitor's page carries no figure of the gated part.
  await page.goto(ARTICLE);
  await expect(page.locator(`figure#${FIGURE}`)).toHaveCount(0);
});
