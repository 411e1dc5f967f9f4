import 'server-only';
import { rgb } from 'pdf-lib';
import { COLUMN_WIDTH } from './column-flow';
import { drawParagraph, type DrawContext } from './draw-blocks';
import type { Block, TableCell } from './pdf-blocks';
import type { Line, TextStyle } from './typeset-runs';

type TableBlock = Extract<Block, { kind: 'table' }>;
type Placed = { cell: TableCell; row: number; col: number; span: number };

const CELL: TextStyle & { leading: number } = { family: 'sans', size: 6.8, leading: 8.2 };
const CAPTION: TextStyle & { leading: number } = { family: 'sans', size: 7.5, leading: 9.4 };
const NOTE: TextStyle & { leading: number } = { family: 'serif', size: 6.8, leading: 8.2 };
const PAD = 3;
const RULE = rgb(0.2, 0.2, 0.2);

/** Lays cells on a grid, so a cell spanning rows keeps the columns after it in place. */
function placeCells(rows: TableCell[][]): { placed: Placed[]; columns: number } {
  const taken: boolean[][] = [];
  const placed: Placed[] = [];
  let columns = 0;
  rows.forEach((cells, row) => {
    let col = 0;
    for (const cell of cells) {
      while (taken[row]?.[col]) col += 1;
      placed.push({ cell, row, col, span: cell.colspan });
      for (let r = row; r < Math.min(rows.length, row + cell.rowspan); r += 1) {
        taken[r] ??= [];
        for (let c = col; c < col + cell.colspan; c += 1) taken[r]![c] = true;
      }
      col += cell.colspan;
      columns = Math.max(columns, col);
    }
  });
  return { placed, columns };
}

/**
 * Column widths from the cells' text: each column gets at least its longest word, and what is
 * left goes where the text is longest, so short columns stay narrow and long ones wrap.
 */
function columnWidths(context: DrawContext, placed: Placed[], columns: number, width: number): number[] {
  const min = Array<number>(columns).fill(8);
  const want = Array<number>(columns).fill(8);
  for (const { cell, col, span } of placed) {
    if (span !== 1) continue;
    const style = { ...CELL, isBold: cell.isHeader };
    const words = context.set.words(cell.runs, style);
    const space = context.set.spaceWidth(style);
    const longest = Math.max(0, ...words.map((w) => w.width));
    const total = words.reduce((s, w) => s + w.width, 0) + space * Math.max(0, words.length - 1);
    min[col] = Math.max(min[col]!, longest + PAD * 2);
    want[col] = Math.max(want[col]!, total + PAD * 2);
  }
  const minSum = min.reduce((a, b) => a + b, 0);
  if (minSum >= width) return min.map((m) => (m * width) / minSum);
  const wantSum = want.reduce((a, b) => a + b, 0);
  if (wantSum <= width) return want.map((w) => (w * width) / wantSum);
  const extra = width - minSum;
  const growth = want.map((w, i) => w - min[i]!);
  const growthSum = growth.reduce((a, b) => a + b, 0) || 1;
  return min.map((m, i) => m + (extra * growth[i]!) / growthSum);
}

/** A table as printed: caption, rules above and below the header and at the end, wrapped cells. */
export function drawTable(context: DrawContext, table: TableBlock): void {
  const { set, flow } = context;
  flow.skip(6);
  if (table.caption.length > 0) {
    flow.keepRoom(CAPTION.leading * 2 + CELL.leading * 3);
    drawParagraph(context, table.caption, CAPTION, { indent: 0, left: 0 });
    flow.skip(2);
  }
  const { placed, columns } = placeCells(table.rows);
  if (columns > 0) {
    const widths = columnWidths(context, placed, columns, COLUMN_WIDTH);
    const offsets = widths.map((_, i) => widths.slice(0, i).reduce((a, b) => a + b, 0));
    const rule = (y: number, thickness: number) =>
      flow.page.drawLine({ start: { x: flow.x, y }, end: { x: flow.x + COLUMN_WIDTH, y }, thickness, color: RULE });
    const headerRows = new Set(placed.filter((p) => p.cell.isHeader).map((p) => p.row));
    const laidOut = table.rows.map((_, row) => {
      const cells = placed
        .filter((p) => p.row === row)
        .map((p) => {
          const style = { ...CELL, isBold: p.cell.isHeader };
          const width = offsets[p.col + p.span - 1]! + widths[p.col + p.span - 1]! - offsets[p.col]! - PAD * 2;
          const lines: Line[] = set.wrap(set.words(p.cell.runs, style), style, Math.max(4, width));
          return { ...p, style, lines, width };
        });
      return { cells, height: Math.max(1, ...cells.map((c) => c.lines.length)) };
    });
    const drawRow = (row: number) => {
      const { cells, height } = laidOut[row]!;
      flow.skip(1.5);
      // A tall row flows on line by line; its cells keep their columns.
      for (let i = 0; i < height; i += 1) {
        const y = flow.takeLine(CELL.leading);
        for (const c of cells) {
          const line = c.lines[i];
          if (line) {
            set.drawLine(flow.page, line, flow.x + offsets[c.col]! + PAD, y, c.style, {
              width: c.width,
              align: c.cell.align,
            });
          }
        }
      }
      flow.skip(2.5);
      if (headerRows.has(row) && !headerRows.has(row + 1)) rule(flow.y + 1, 0.4);
    };
    const where = () => `${flow.pageIndex}:${flow.column}`;
    flow.keepRoom(CELL.leading * 2);
    rule(flow.y, 0.8);
    let at = where();
    laidOut.forEach(({ height }, row) => {
      flow.keepRoom(Math.min(height, 4) * CELL.leading + 2);
      // A table continued in the next column or page repeats its header rows there.
      if (where() !== at && !headerRows.has(row) && headerRows.size > 0) {
        rule(flow.y, 0.8);
        [...headerRows].sort((a, b) => a - b).forEach(drawRow);
      }
      drawRow(row);
      at = where();
    });
    rule(flow.y + 1, 0.8);
  }
  if (table.notes.length > 0) {
    flow.skip(2);
    for (const note of table.notes) drawParagraph(context, note, NOTE, { indent: 0, left: 0 });
  }
  flow.skip(6);
}
