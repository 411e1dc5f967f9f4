import 'server-only';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as napiCanvas from '@napi-rs/canvas';
import type * as Pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

export type FirstPageImage = { png: Uint8Array; width: number; height: number };

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
 * Renders page 1 of `pdf` to a PNG `width` pixels wide (default 800), on a white background.
 * The image comes from the PDF itself, so it always shows what a reader of the PDF sees.
 */
export async function renderFirstPagePng(pdf: Uint8Array, options: { width?: number } = {}): Promise<FirstPageImage> {
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
    return { png: new Uint8Array(await canvas.encode('png')), width, height };
  } finally {
    await doc.destroy();
  }
}
