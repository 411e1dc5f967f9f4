import 'server-only';
import { type PDFDocument, type PDFImage, rgb } from 'pdf-lib';
import { COLUMN_WIDTH } from './column-flow';
import { drawParagraph, type DrawContext } from './draw-blocks';
import type { Block } from './pdf-blocks';

/**
 * The stored image of a figure, by the figure's id in the article HTML (PNG or JPEG bytes), or
 * null when there is none: then the caption is drawn under an empty frame.
 */
export type FigureImage = (name: string) => Uint8Array | null;

type FigureBlock = Extract<Block, { kind: 'figure' }>;

const CAPTION = { family: 'sans', size: 7.5, leading: 9.4 } as const;
const FRAME = rgb(0.6, 0.6, 0.6);
const PLACEHOLDER_HEIGHT = 72;
const MAX_IMAGE_HEIGHT = 300;

/** Embeds the figures' images once, before layout; a damaged or unknown image leaves the empty frame. */
export async function embedFigureImages(doc: PDFDocument, ids: string[], figureImage: FigureImage) {
  const images = new Map<string, PDFImage>();
  for (const id of new Set(ids)) {
    const bytes = figureImage(id);
    if (!bytes) continue;
    try {
      if (bytes[0] === 0x89 && bytes[1] === 0x50) images.set(id, await doc.embedPng(bytes));
      else if (bytes[0] === 0xff && bytes[1] === 0xd8) images.set(id, await doc.embedJpg(bytes));
    } catch {
      // drawn as the empty frame, like a missing image
    }
  }
  return images;
}

/** A figure: its image scaled to the column (or an empty frame), the caption below. */
export function drawFigure(context: DrawContext, figure: FigureBlock): void {
  const { set, flow } = context;
  const image = figure.id ? (context.images.get(figure.id) ?? null) : null;
  const scale = image ? Math.min(COLUMN_WIDTH / image.width, MAX_IMAGE_HEIGHT / image.height) : 1;
  const width = image ? image.width * scale : COLUMN_WIDTH;
  const height = image ? image.height * scale : PLACEHOLDER_HEIGHT;
  flow.skip(6);
  flow.keepRoom(height + CAPTION.leading * 2);
  const bottom = flow.takeLine(height);
  const x = flow.x + (COLUMN_WIDTH - width) / 2;
  if (image) {
    flow.page.drawImage(image, { x, y: bottom, width, height });
  } else {
    flow.page.drawRectangle({
      x,
      y: bottom,
      width,
      height,
      borderColor: FRAME,
      borderWidth: 0.6,
      color: rgb(0.97, 0.97, 0.97),
    });
    const note = set.clean('Figure in the online article');
    const font = set.fontFor({ family: 'sans', size: 7 }, { isItalic: true });
    const noteWidth = font.widthOfTextAtSize(note, 7);
    flow.page.drawText(note, {
      x: x + (width - noteWidth) / 2,
      y: bottom + height / 2 - 2,
      size: 7,
      font,
      color: FRAME,
    });
  }
  flow.skip(4);
  if (figure.caption.length > 0) drawParagraph(context, figure.caption, CAPTION, { indent: 0, left: 0 });
  flow.skip(6);
}
