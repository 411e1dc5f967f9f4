import 'server-only';
import { type PDFDocument, type PDFPage } from 'pdf-lib';

export const PAGE_WIDTH = 612; // US Letter, in points
export const PAGE_HEIGHT = 792;
export const MARGIN_X = 54;
export const MARGIN_TOP = 48;
export const MARGIN_BOTTOM = 60;
export const COLUMN_GAP = 18;
export const COLUMN_WIDTH = (PAGE_WIDTH - 2 * MARGIN_X - COLUMN_GAP) / 2;

/**
 * Hands out room for lines in two columns, left then right, starting a new page when both are full.
 * `startPage` draws what sits above the columns on each new page and returns where the columns begin.
 */
export class ColumnFlow {
  page: PDFPage;
  /** 0 for the left column, 1 for the right */
  column = 0;
  /** 0 for the first page */
  pageIndex = 0;
  /** where the current column begins */
  top: number;
  y: number;

  constructor(
    private readonly doc: PDFDocument,
    firstPage: PDFPage,
    firstTop: number,
    private readonly startPage: (page: PDFPage) => number,
  ) {
    this.page = firstPage;
    this.top = firstTop;
    this.y = firstTop;
  }

  get x(): number {
    return MARGIN_X + this.column * (COLUMN_WIDTH + COLUMN_GAP);
  }

  /** Makes room for a line of `height` points and returns its baseline. */
  takeLine(height: number): number {
    if (this.y - height < MARGIN_BOTTOM) this.nextColumn();
    this.y -= height;
    return this.y;
  }

  /** Leaves vertical space, unless at the top of a column where it would only look ragged. */
  skip(height: number): void {
    if (this.y < this.top) this.y -= height;
  }

  /** Room left in the current column. */
  get room(): number {
    return this.y - MARGIN_BOTTOM;
  }

  /** Moves on when less than `height` is left, so a heading is never stranded at a column's foot. */
  keepRoom(height: number): void {
    if (this.y - height < MARGIN_BOTTOM) this.nextColumn();
  }

  private nextColumn(): void {
    if (this.column === 0) {
      this.column = 1;
    } else {
      this.page = this.doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
      this.top = this.startPage(this.page);
      this.column = 0;
      this.pageIndex += 1;
    }
    this.y = this.top;
  }
}
