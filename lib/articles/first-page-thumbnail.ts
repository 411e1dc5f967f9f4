import 'server-only';
import { createHash } from 'node:crypto';
import sharp from 'sharp';

/**
 * The sidebar's first-page thumbnail is at most about 380 CSS pixels wide (a phone's column);
 * twice that stays sharp on a 2× screen. The whole PNG (about 250 KB for the seed article) was
 * the article page's largest paint on a phone's connection; this WebP is a fraction of it.
 */
const THUMBNAIL_WIDTH = 760;
const QUALITY = 75;
// Made on first request and kept per source image: a handful of articles are read at any time.
const KEPT = 64;
const made = new Map<string, Promise<Uint8Array>>();

/** The thumbnail of this first-page image (the one the reader may see: whole or veiled). */
export function firstPageThumbnail(png: Uint8Array): Promise<Uint8Array> {
  const key = createHash('sha256').update(png).digest('base64url');
  let thumbnail = made.get(key);
  if (thumbnail) {
    made.delete(key); // most recently used goes last
  } else {
    thumbnail = sharp(png)
      .resize({ width: THUMBNAIL_WIDTH, withoutEnlargement: true })
      .webp({ quality: QUALITY })
      .toBuffer()
      .then((buffer) => new Uint8Array(buffer));
    thumbnail.catch(() => made.delete(key));
    if (made.size >= KEPT) made.delete(made.keys().next().value!);
  }
  made.set(key, thumbnail);
  return thumbnail;
}
