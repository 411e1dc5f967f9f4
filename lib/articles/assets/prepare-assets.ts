import 'server-only';
import { createHash } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import type { AssetRef } from './asset-refs';
import { isExternalHref } from './asset-refs';
import { renditionKey, type AssetView, type AssetViews, type ImageView } from './asset-views';
import type { JatsPackage } from './jats-package';
import { resolvePackageFile } from './resolve-package-file';
import { contentTypeOf } from './content-type';

export type StoredAsset = {
  key: string;
  contentType: string;
  bytes: Uint8Array;
  sha256: string;
  width: number | null;
  height: number | null;
};

export type PreparedAssets = {
  views: AssetViews;
  stored: StoredAsset[];
  /** Referenced but not in the package. */
  missing: AssetRef[];
  /** Absolute URLs: kept as links, never fetched. */
  external: AssetRef[];
  /** Hash of every stored file, for "unchanged since the last import". */
  sha256: string;
};

// Responsive widths; an image is never enlarged, its own width is the largest rendition.
const WIDTHS = [480, 960];
const MAX_WIDTH = 1600;
// Many TIFFs from typesetters are 300–600 dpi scans: a pixel limit keeps a hostile one bounded.
const MAX_INPUT_PIXELS = 20000 * 20000;

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function safeStem(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '');
  return base.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60) || 'asset';
}

function safeFileName(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return base.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 100) || 'file';
}

/**
 * Reads every referenced file from the package. Images (graphic, inline-graphic) become AVIF, WebP
 * and a JPEG/PNG fallback at several widths; other files are stored as they are.
 */
export async function prepareAssets(refs: AssetRef[], pkg: JatsPackage): Promise<PreparedAssets> {
  const views: AssetViews = new Map();
  const stored: StoredAsset[] = [];
  const missing: AssetRef[] = [];
  const external: AssetRef[] = [];
  const packageHash = createHash('sha256');
  for (const ref of refs) {
    if (isExternalHref(ref.href)) {
      external.push(ref);
      continue;
    }
    const fileName = resolvePackageFile(ref.href, pkg.fileNames);
    if (!fileName) {
      missing.push(ref);
      continue;
    }
    const bytes = pkg.readFile(fileName);
    const hash = sha256Of(bytes);
    packageHash.update(`${ref.href}\0${hash}\0`);
    const isImage = ref.kind === 'graphic' || ref.kind === 'inline-graphic';
    const image = isImage ? await renderImage(bytes, `${safeStem(fileName)}-${hash.slice(0, 10)}`) : null;
    let view: AssetView;
    if (image) {
      view = image.view;
      stored.push(...image.renditions);
    } else {
      const key = `${hash.slice(0, 10)}-${safeFileName(fileName)}`;
      const contentType = contentTypeOf(fileName, ref.mimetype);
      stored.push({ key, contentType, bytes, sha256: hash, width: null, height: null });
      view = { kind: 'file', key, fileName: safeFileName(fileName), byteSize: bytes.length, contentType };
    }
    views.set(ref.href, view);
  }
  return { views, stored, missing, external, sha256: packageHash.digest('hex') };
}

async function renderImage(
  bytes: Uint8Array,
  keyStem: string,
): Promise<{ view: ImageView; renditions: StoredAsset[] } | null> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
  } catch {
    return null; // Not an image sharp reads (an EPS, a PDF): stored and linked as a file instead.
  }
  if (!meta.width || !meta.height) return null;
  const full = Math.min(meta.width, MAX_WIDTH);
  const widths = [...WIDTHS.filter((w) => w < full), full];
  const fallback = meta.hasAlpha ? 'png' : 'jpg';
  const view: ImageView = {
    kind: 'image',
    widths,
    width: full,
    height: Math.round((meta.height * full) / meta.width),
    fallback,
    keyStem,
  };
  const renditions: StoredAsset[] = [];
  for (const width of widths) {
    // Multi-page TIFFs: the first page. CMYK and 16-bit TIFFs become sRGB 8-bit.
    const base = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, pages: 1 })
      .rotate()
      .resize({ width, withoutEnlargement: true })
      .toColourspace('srgb');
    const outputs = [
      { ext: 'avif' as const, type: 'image/avif', run: base.clone().avif({ quality: 55, effort: 0 }) },
      { ext: 'webp' as const, type: 'image/webp', run: base.clone().webp({ quality: 80 }) },
      fallback === 'png'
        ? { ext: 'png' as const, type: 'image/png', run: base.clone().png({ compressionLevel: 9 }) }
        : {
            ext: 'jpg' as const,
            type: 'image/jpeg',
            run: base.clone().flatten({ background: '#ffffff' }).jpeg({ quality: 85 }),
          },
    ];
    // The three encodings of one width run side by side on libvips' threads.
    const encoded = await Promise.all(outputs.map((o) => o.run.toBuffer({ resolveWithObject: true })));
    for (const [i, output] of outputs.entries()) {
      const { data, info } = encoded[i]!;
      renditions.push({
        key: renditionKey(view, width, output.ext),
        contentType: output.type,
        bytes: data,
        sha256: sha256Of(data),
        width: info.width,
        height: info.height,
      });
    }
  }
  return { view, renditions };
}
