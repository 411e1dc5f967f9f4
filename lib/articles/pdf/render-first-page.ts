import 'server-only';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as napiCanvas from '@napi-rs/canvas';
import type * as Pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PageRegion } from './render-article-pdf';

export type FirstPageImage = {
  png: Uint8Array;
  /** The same page with everything outside the public regions blurred past reading (when regions were given). */
  publicPng: Uint8Array | null;
  width: number;
  height: number;
};

/** How much the hidden part is shrunk before it is stretched back: letters and lines merge into grey. */
const BLUR_FACTOR = 32;

type CanvasModule = typeof napiCanvas;
type CanvasAndContext = { canvas: napiCanvas.Canvas | null; context: napiCanvas.SKRSContext2D | null };

// Resolved from the app's folder at run time: inside Next's server bundle import.meta.url is not
// a file URL, and a bundler-visible require.resolve turns into a module number.
const pdfjsPackageJson = path.join(process.cwd(), 'node_modules', 'pdfjs-dist', 'package.json');

let loaded: Promise<{ pdfjs: typeof Pdfjs; canvas: CanvasModule }> | undefined;

/**
 * pdfjs fills the DOMMatrix/Path2D globals from the @napi-rs/canvas it resolves itself (its own,
 * older copy here), and a context from one native build rejects a Path2D from another. So draw on
 * whichever build owns the global Path2D, which is pdfjs's unless someone set it before.
 */
function loadPdfjs() {
  loaded ??= import('pdfjs-dist/legacy/build/pdf.mjs').then((pdfjs) => {
    const pdfjsCanvas = createRequire(pdfjsPackageJson)('@napi-rs/canvas') as CanvasModule;
    const canvas = [pdfjsCanvas, napiCanvas].find((c) => c.Path2D === globalThis.Path2D) ?? pdfjsCanvas;
    return { pdfjs, canvas };
  });
  return loaded;
}

// pdfjs makes scratch canvases (patterns, masks) through this factory; it must use the same build.
function createCanvasFactory(canvasModule: CanvasModule) {
  return class CanvasFactory {
    create(width: number, height: number): CanvasAndContext {
      const canvas = canvasModule.createCanvas(Math.max(1, width), Math.max(1, height));
      return { canvas, context: canvas.getContext('2d') };
    }

    reset(entry: CanvasAndContext, width: number, height: number): void {
      if (!entry.canvas) throw new Error('Canvas is not specified');
      entry.canvas.width = width;
      entry.canvas.height = height;
    }

    destroy(entry: CanvasAndContext): void {
      if (entry.canvas) entry.canvas.width = entry.canvas.height = 0;
      entry.canvas = null;
      entry.context = null;
    }
  };
}

// In Node, pdfjs reads this as a file path; it must end with a separator.
const standardFontDataUrl = path.join(path.dirname(pdfjsPackageJson), 'standard_fonts') + path.sep;

/**
 * The page as a visitor may see it: the public regions sharp, the rest shrunk to a few pixels and
 * stretched back (no letter, word or line survives) under a white veil.
 */
function veilOutside(
  canvasModule: CanvasModule,
  page: napiCanvas.Canvas,
  regions: PageRegion[],
  pixelsPerPoint: number,
): napiCanvas.Canvas {
  const { width, height } = page;
  // Halving step by step averages every pixel (one big step would only sample a few).
  let small = page;
  while (small.width > width / BLUR_FACTOR) {
    const next = canvasModule.createCanvas(
      Math.max(1, Math.round(small.width / 2)),
      Math.max(1, Math.round(small.height / 2)),
    );
    const nextContext = next.getContext('2d');
    nextContext.imageSmoothingEnabled = true;
    nextContext.imageSmoothingQuality = 'high';
    nextContext.drawImage(small, 0, 0, next.width, next.height);
    small = next;
  }
  const out = canvasModule.createCanvas(width, height);
  const context = out.getContext('2d');
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(small, 0, 0, width, height);
  context.fillStyle = 'rgba(255, 255, 255, 0.55)';
  context.fillRect(0, 0, width, height);
  for (const region of regions) {
    const x = Math.max(0, Math.floor(region.x * pixelsPerPoint));
    const y = Math.max(0, Math.floor(region.top * pixelsPerPoint));
    const w = Math.min(width - x, Math.ceil(region.width * pixelsPerPoint));
    const h = Math.min(height - y, Math.ceil(region.height * pixelsPerPoint));
    if (w > 0 && h > 0) context.drawImage(page, x, y, w, h, x, y, w, h);
  }
  return out;
}

/**
 * Renders page 1 of `pdf` to a PNG `width` pixels wide (default 800), on a white background.
 * The image comes from the PDF itself, so it always shows what a reader of the PDF sees. With
 * `publicRegions` (from renderArticlePdf) it also makes the visitor's copy, veiled outside them.
 */
export async function renderFirstPagePng(
  pdf: Uint8Array,
  options: { width?: number; publicRegions?: PageRegion[] } = {},
): Promise<FirstPageImage> {
  const targetWidth = Math.round(options.width ?? 800);
  if (!Number.isFinite(targetWidth) || targetWidth < 16 || targetWidth > 4000) {
    throw new RangeError(`First-page width must be 16-4000 px, got ${options.width}`);
  }
  const { pdfjs, canvas: canvasModule } = await loadPdfjs();
  const task = pdfjs.getDocument({
    // pdfjs transfers (detaches) the buffer it is given; hand it a copy so the caller's bytes survive.
    data: new Uint8Array(pdf),
    CanvasFactory: createCanvasFactory(canvasModule),
    standardFontDataUrl,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  });
  const doc = await task.promise;
  try {
    const page = await doc.getPage(1);
    const scale = targetWidth / page.getViewport({ scale: 1 }).width;
    const viewport = page.getViewport({ scale });
    const width = Math.round(viewport.width);
    const height = Math.round(viewport.height);
    const canvas = canvasModule.createCanvas(width, height);
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    await page.render({
      canvas: canvas as unknown as HTMLCanvasElement,
      canvasContext: context as unknown as CanvasRenderingContext2D,
      viewport,
    }).promise;
    page.cleanup();
    const veiled = options.publicRegions ? veilOutside(canvasModule, canvas, options.publicRegions, scale) : null;
    return {
      png: new Uint8Array(await canvas.encode('png')),
      publicPng: veiled ? new Uint8Array(await veiled.encode('png')) : null,
      width,
      height,
    };
  } finally {
    await doc.destroy();
  }
}
