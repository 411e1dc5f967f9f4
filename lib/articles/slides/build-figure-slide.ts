// One PowerPoint slide for a figure (its image) or a table (a native, editable table), with the
// caption, the citation and the licence on the slide, as journals hand them to lecturers.
import PptxGenJS from 'pptxgenjs';
import type { SlideCell } from '../jats/jats-figure-facts';

export type FigureSlideInput = {
  title: string;
  caption: string;
  citation: string;
  licence: string;
  image: { bytes: Uint8Array; contentType: string; width: number; height: number } | null;
  table: SlideCell[][] | null;
};

// 16:9, in inches.
const SLIDE = { w: 10, h: 5.625 };
const BODY = { x: 0.4, y: 0.85, w: 9.2, h: 3.25 };
const MAX_TABLE_ROWS = 40;

function fitImage(width: number, height: number) {
  const scale = Math.min(BODY.w / width, BODY.h / height);
  const w = width * scale;
  const h = height * scale;
  return { x: BODY.x + (BODY.w - w) / 2, y: BODY.y + (BODY.h - h) / 2, w, h };
}

function tableRows(rows: SlideCell[][]): PptxGenJS.TableRow[] {
  return rows.slice(0, MAX_TABLE_ROWS).map((row) =>
    row.map((cell) => ({
      text: cell.text,
      options: {
        colspan: cell.colspan > 1 ? cell.colspan : undefined,
        rowspan: cell.rowspan > 1 ? cell.rowspan : undefined,
        bold: cell.header,
        fill: cell.header ? { color: 'E8EEF4' } : undefined,
      },
    })),
  );
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The .pptx file's bytes. */
export async function buildFigureSlide(input: FigureSlideInput): Promise<Buffer> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_16x9';
  pptx.title = input.title;
  const slide = pptx.addSlide();
  slide.addText(clip(input.title, 200), {
    x: 0.4,
    y: 0.15,
    w: SLIDE.w - 0.8,
    h: 0.6,
    fontSize: 18,
    bold: true,
    fit: 'shrink',
    valign: 'top',
  });
  if (input.image) {
    const base64 = Buffer.from(input.image.bytes).toString('base64');
    slide.addImage({
      data: `${input.image.contentType};base64,${base64}`,
      ...fitImage(input.image.width, input.image.height),
    });
  } else if (input.table && input.table.length > 0) {
    slide.addTable(tableRows(input.table), {
      x: BODY.x,
      y: BODY.y,
      w: BODY.w,
      fontSize: input.table.length > 15 ? 7 : 9,
      fontFace: 'Arial',
      border: { type: 'solid', pt: 0.5, color: '999999' },
      autoPage: false,
    });
  }
  slide.addText(clip(input.caption, 900), {
    x: 0.4,
    y: 4.15,
    w: SLIDE.w - 0.8,
    h: 0.85,
    fontSize: 9,
    fit: 'shrink',
    valign: 'top',
  });
  slide.addText(
    [
      { text: clip(input.citation, 400), options: { breakLine: true } },
      { text: clip(input.licence || 'All rights reserved.', 400) },
    ],
    { x: 0.4, y: 5.02, w: SLIDE.w - 0.8, h: 0.5, fontSize: 7, color: '555555', fit: 'shrink', valign: 'top' },
  );
  return (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
}
