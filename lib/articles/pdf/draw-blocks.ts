import 'server-only';
import { type PDFImage, rgb } from 'pdf-lib';
import { type ColumnFlow, COLUMN_WIDTH } from './column-flow';
import { drawFigure } from './draw-figure';
import { drawTable } from './draw-table';
import type { Block, Run } from './pdf-blocks';
import type { TextStyle, Typesetter } from './typeset-runs';

export const ACCENT = rgb(0.55, 0.09, 0.13);
export const BODY: TextStyle & { leading: number } = { family: 'serif', size: 9.5, leading: 12.2 };
const SMALL: TextStyle & { leading: number } = { family: 'serif', size: 7.5, leading: 9.4 };
const INDENT = 10;
const LIST_INDENT = 12;

const HEADINGS: Record<number, TextStyle & { leading: number; before: number; after: number }> = {
  2: { family: 'sans', size: 9.5, isBold: true, color: ACCENT, leading: 12, before: 9, after: 2 },
  3: { family: 'sans', size: 8.8, isBold: true, leading: 11.5, before: 6, after: 1 },
  4: { family: 'sans', size: 8.5, isBold: true, isItalic: true, leading: 11, before: 4, after: 0 },
};

export type DrawContext = { set: Typesetter; flow: ColumnFlow; images: ReadonlyMap<string, PDFImage> };

/** Draws blocks in order; `previous` decides the first paragraph's indent (none after a heading). */
export function drawBlocks(context: DrawContext, blocks: Block[]): void {
  let previous: Block['kind'] | null = null;
  for (const block of blocks) {
    drawBlock(context, block, previous);
    previous = block.kind;
  }
}

function drawBlock(context: DrawContext, block: Block, previous: Block['kind'] | null): void {
  const { set, flow } = context;
  switch (block.kind) {
    case 'heading': {
      const style = HEADINGS[Math.max(2, Math.min(4, block.level))] ?? HEADINGS[4]!;
      const lines = set.wrap(set.words(block.runs, style), style, COLUMN_WIDTH);
      flow.skip(style.before);
      // A heading keeps its own lines and two lines of what follows in the same column.
      flow.keepRoom(lines.length * style.leading + 2 * BODY.leading);
      for (const line of lines) set.drawLine(flow.page, line, flow.x, flow.takeLine(style.leading), style);
      flow.skip(style.after);
      return;
    }
    case 'paragraph': {
      const style = block.isSmall ? SMALL : BODY;
      const isFirst = previous !== 'paragraph' || block.marker !== undefined;
      drawParagraph(context, block.runs, style, {
        indent: block.marker !== undefined || isFirst || block.depth ? 0 : INDENT,
        left: (block.depth ?? 0) * LIST_INDENT,
        marker: block.marker,
      });
      return;
    }
    case 'reference':
      drawParagraph(context, block.runs, SMALL, { indent: 0, left: 14, marker: block.label });
      return;
    case 'formula':
      drawFormula(context, block.runs, block.label);
      return;
    case 'table':
      drawTable(context, block);
      return;
    case 'figure':
      drawFigure(context, block);
      return;
  }
}

/** A paragraph, ragged-right; a list marker hangs to the left of the item's text. */
export function drawParagraph(
  { set, flow }: DrawContext,
  runs: Run[],
  style: TextStyle & { leading: number },
  options: { indent: number; left: number; marker?: string },
): void {
  const width = COLUMN_WIDTH - options.left;
  // A forced line break (<br>) starts a new line of the same paragraph.
  const segments = splitAtBreaks(runs);
  segments.forEach((segment, si) => {
    const lines = set.wrap(set.words(segment, style), style, width, si === 0 ? options.indent : 0);
    lines.forEach((line, index) => {
      const y = flow.takeLine(style.leading);
      const indent = si === 0 && index === 0 ? options.indent : 0;
      if (si === 0 && index === 0 && options.marker) {
        const marker = set.clean(options.marker);
        const font = set.fontFor(style);
        const markerX = flow.x + options.left - font.widthOfTextAtSize(marker, style.size) - 3;
        flow.page.drawText(marker, { x: Math.max(flow.x, markerX), y, size: style.size, font, color: style.color });
      }
      set.drawLine(flow.page, line, flow.x + options.left + indent, y, style);
    });
  });
}

function splitAtBreaks(runs: Run[]): Run[][] {
  const out: Run[][] = [[]];
  for (const run of runs) {
    if (run.text === '\n') out.push([]);
    else out[out.length - 1]!.push(run);
  }
  return out.filter((segment) => segment.some((r) => r.text.trim()));
}

/** A display formula: centred on its own lines, its label at the right. */
function drawFormula({ set, flow }: DrawContext, runs: Run[], label: string): void {
  const style = { ...BODY, isItalic: false };
  const labelText = set.clean(label);
  const labelWidth = labelText ? set.fontFor(style).widthOfTextAtSize(labelText, style.size) + 6 : 0;
  const width = COLUMN_WIDTH - 2 * labelWidth;
  const lines = set.wrap(set.words(runs, style), style, width);
  flow.skip(4);
  flow.keepRoom(lines.length * BODY.leading);
  lines.forEach((line, i) => {
    const y = flow.takeLine(BODY.leading + (i === 0 ? 2 : 0));
    set.drawLine(flow.page, line, flow.x + labelWidth, y, style, { width, align: 'center' });
    if (i === 0 && labelText) {
      const font = set.fontFor(style);
      const x = flow.x + COLUMN_WIDTH - font.widthOfTextAtSize(labelText, style.size);
      flow.page.drawText(labelText, { x, y, size: style.size, font });
    }
  });
  flow.skip(4);
}
