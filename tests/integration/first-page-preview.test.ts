import fs from 'node:fs';
import path from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { generateArticleFiles } from '@/lib/articles/generate-article-files';
import { importJats } from '@/lib/articles/jats/import-jats';
import { firstPageThumbnail } from '@/lib/articles/first-page-thumbnail';
import { readFirstPageImage } from '@/lib/articles/read-first-page-image';
import { resetDatabase } from '../support/reset-db';

// The seed's one-page paid article: preview, full text and references all on page 1.
const file = path.resolve(import.meta.dirname, '../../prisma/seed/jats/archdermatol-2011-3156.xml');
const visitor = { userId: null, ip: null };

async function pixels(png: Uint8Array) {
  const image = await loadImage(Buffer.from(png));
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const { data, width, height } = context.getImageData(0, 0, image.width, image.height);
  const luminance = (x: number, y: number) => {
    const i = (y * width + x) * 4;
    return (data[i]! + data[i + 1]! + data[i + 2]!) / 3;
  };
  return { width, height, luminance };
}

/**
 * The sharpest edge in a box (fractions of the page): text has black-on-white steps of 150+
 * between neighbouring pixels; a blur past reading has none.
 */
function sharpestEdge(
  image: Awaited<ReturnType<typeof pixels>>,
  box: { x0: number; x1: number; y0: number; y1: number },
) {
  let max = 0;
  for (let y = Math.round(box.y0 * image.height); y < Math.round(box.y1 * image.height); y += 1) {
    for (let x = Math.round(box.x0 * image.width) + 1; x < Math.round(box.x1 * image.width); x += 1) {
      max = Math.max(max, Math.abs(image.luminance(x, y) - image.luminance(x - 1, y)));
    }
  }
  return max;
}

async function importPaidArticle() {
  const { articleId, doi } = await importJats({ xml: fs.readFileSync(file), fileName: path.basename(file) });
  await db.article.update({ where: { id: articleId }, data: { isFree: false } });
  await generateArticleFiles(articleId);
  return { articleId, doi };
}

async function subscriber() {
  const user = await db.user.create({ data: { email: 'reader@example.org', name: 'Reader', passwordHash: 'x' } });
  await db.subscription.create({
    data: {
      userId: user.id,
      plan: 'annual',
      status: 'active',
      source: 'complimentary',
      startsAt: new Date(Date.now() - 60_000),
      currentPeriodEnd: new Date(Date.now() + 86_400_000),
    },
  });
  return { userId: user.id, ip: null };
}

// Below the preview (the left column's lower half) and beside it (the right column), as fractions of the page.
const BELOW_PREVIEW = { x0: 0.05, x1: 0.95, y0: 0.6, y1: 0.94 };
const RIGHT_COLUMN = { x0: 0.52, x1: 0.94, y0: 0.3, y1: 0.55 };
const TITLE_AND_PREVIEW = { x0: 0.08, x1: 0.48, y0: 0.3, y1: 0.44 };

describe('the first-page preview image', () => {
  beforeEach(resetDatabase);

  it('shows a visitor nothing legible below or beside the preview, and the title block and preview sharp', async () => {
    const { doi } = await importPaidArticle();
    const image = await readFirstPageImage(doi, visitor);
    expect(image).toMatchObject({ isFull: false, isSameForEveryone: true });
    const seen = await pixels(image!.png);
    expect(sharpestEdge(seen, BELOW_PREVIEW)).toBeLessThan(24);
    expect(sharpestEdge(seen, RIGHT_COLUMN)).toBeLessThan(24);
    expect(sharpestEdge(seen, TITLE_AND_PREVIEW)).toBeGreaterThan(150);
  });

  it('gives a subscriber the whole page, text and references included, never the shared copy', async () => {
    const { doi } = await importPaidArticle();
    const reader = await subscriber();
    const image = await readFirstPageImage(doi, reader);
    expect(image).toMatchObject({ isFull: true, isSameForEveryone: false });
    const full = await pixels(image!.png);
    expect(sharpestEdge(full, BELOW_PREVIEW)).toBeGreaterThan(150);
    expect(sharpestEdge(full, RIGHT_COLUMN)).toBeGreaterThan(150);
    const visitorImage = await readFirstPageImage(doi, visitor);
    expect(Buffer.from(visitorImage!.png).equals(Buffer.from(image!.png))).toBe(false);
  });

  it('makes the veiled copy for files rendered before it existed, and never falls back to the full page', async () => {
    const { articleId, doi } = await importPaidArticle();
    await db.articleFiles.update({ where: { articleId }, data: { firstPagePublicPng: null } });
    const image = await readFirstPageImage(doi, visitor);
    expect(image?.isFull).toBe(false);
    expect(sharpestEdge(await pixels(image!.png), BELOW_PREVIEW)).toBeLessThan(24);
    const stored = await db.articleFiles.findUniqueOrThrow({ where: { articleId } });
    expect(stored.firstPagePublicPng).not.toBeNull();
  });

  it('makes the sidebar thumbnail from the image the reader may see: small, still veiled for a visitor, sharp for a subscriber', async () => {
    const { doi } = await importPaidArticle();
    const veiled = (await readFirstPageImage(doi, visitor))!.png;
    const whole = (await readFirstPageImage(doi, await subscriber()))!.png;
    const [veiledThumbnail, wholeThumbnail] = [await firstPageThumbnail(veiled), await firstPageThumbnail(whole)];
    for (const [thumbnail, png] of [
      [veiledThumbnail, veiled],
      [wholeThumbnail, whole],
    ] as const) {
      expect(Buffer.from(thumbnail).subarray(8, 12).toString()).toBe('WEBP');
      expect(thumbnail.length).toBeLessThan(png.length / 3);
    }
    const seen = await pixels(veiledThumbnail);
    expect(seen.width).toBeLessThanOrEqual(760);
    expect(sharpestEdge(seen, BELOW_PREVIEW)).toBeLessThan(24);
    expect(sharpestEdge(seen, RIGHT_COLUMN)).toBeLessThan(24);
    expect(sharpestEdge(await pixels(wholeThumbnail), BELOW_PREVIEW)).toBeGreaterThan(150);
    expect(await firstPageThumbnail(veiled)).toBe(veiledThumbnail); // made once per image
  });

  it('gives everyone the whole page of a free article', async () => {
    const { articleId, doi } = await importPaidArticle();
    await db.article.update({ where: { id: articleId }, data: { isFree: true } });
    const image = await readFirstPageImage(doi, visitor);
    expect(image).toMatchObject({ isFull: true, isSameForEveryone: true });
    expect(sharpestEdge(await pixels(image!.png), BELOW_PREVIEW)).toBeGreaterThan(150);
    expect(await readFirstPageImage('10.9999/none', visitor)).toBeNull();
  });
});
