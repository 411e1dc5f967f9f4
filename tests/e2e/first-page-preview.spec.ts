import { createCanvas, loadImage } from '@napi-rs/canvas';
import { expect, test, type APIResponse } from '@playwright/test';
import { signIn } from './support/auth';
import { SEED_DOI } from './support/content';

const ARTICLE = `/doi/${SEED_DOI}`;
const IMAGE = `${ARTICLE}/first-page.png`;
const THUMBNAIL = `${ARTICLE}/first-page-thumbnail.webp`;

/** The sharpest step between neighbouring pixels in the lower part of the page (below the preview). */
async function sharpestEdgeBelowPreview(response: APIResponse): Promise<number> {
  const image = await loadImage(await response.body());
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const { data, width, height } = context.getImageData(0, 0, image.width, image.height);
  const lum = (x: number, y: number) => (data[(y * width + x) * 4]! + data[(y * width + x) * 4 + 1]!) / 2;
  let max = 0;
  for (let y = Math.round(height * 0.6); y < Math.round(height * 0.94); y += 1) {
    for (let x = Math.round(width * 0.05) + 1; x < Math.round(width * 0.95); x += 1) {
      max = Math.max(max, Math.abs(lum(x, y) - lum(x - 1, y)));
    }
  }
  return max;
}

test('a visitor’s View Large shows the veiled page; a subscriber gets the whole page, private', async ({
  page,
  playwright,
}) => {
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const visitor = await anonymous.get(IMAGE);
  expect(visitor.status()).toBe(200);
  expect(visitor.headers()['content-type']).toBe('image/png');
  expect(visitor.headers()['x-first-page']).toBe('preview');
  expect(visitor.headers()['vary']).toMatch(/cookie/i);
  expect(await sharpestEdgeBelowPreview(visitor)).toBeLessThan(24);

  // The sidebar's thumbnail: a small WebP of the same veiled page, cached alike.
  const thumbnail = await anonymous.get(THUMBNAIL);
  expect(thumbnail.headers()['content-type']).toBe('image/webp');
  expect(thumbnail.headers()['x-first-page']).toBe('preview');
  expect(thumbnail.headers()['cache-control']).toBe(visitor.headers()['cache-control']);
  expect((await thumbnail.body()).length).toBeLessThan((await visitor.body()).length / 3);
  expect(await sharpestEdgeBelowPreview(thumbnail)).toBeLessThan(24);

  await page.goto(ARTICLE);
  const shown = page.getByRole('img', { name: /^First page PDF preview of .*”$/ });
  await expect(shown).toHaveAttribute('src', THUMBNAIL);
  await shown.scrollIntoViewIfNeeded();
  await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'View Large' }).click();
  const large = page.getByRole('dialog').getByRole('img');
  await expect(large).toBeVisible();
  // Lazy: the full-size image loads once the dialog shows it.
  await expect.poll(() => large.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

  await signIn(page, 'subscriber@example.com', undefined, ARTICLE);
  const full = await page.request.get(IMAGE);
  expect(full.status()).toBe(200);
  expect(full.headers()['x-first-page']).toBe('full');
  expect(full.headers()['cache-control']).toBe('private, no-store');
  expect(await sharpestEdgeBelowPreview(full)).toBeGreaterThan(150);
  expect((await full.body()).equals(await visitor.body())).toBe(false);
  const fullThumbnail = await page.request.get(THUMBNAIL);
  expect(fullThumbnail.headers()['x-first-page']).toBe('full');
  expect(fullThumbnail.headers()['cache-control']).toBe('private, no-store');
  expect(await sharpestEdgeBelowPreview(fullThumbnail)).toBeGreaterThan(150);
  await anonymous.dispose();
});
