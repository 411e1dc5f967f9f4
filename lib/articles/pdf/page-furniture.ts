import 'server-only';
import { type PDFPage, rgb } from 'pdf-lib';
import { MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, PAGE_HEIGHT, PAGE_WIDTH } from './column-flow';
import { ACCENT } from './draw-blocks';
import type { Run } from './pdf-blocks';
import type { TextStyle, Typesetter } from './typeset-runs';

const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X;
const RULE = rgb(0.55, 0.55, 0.55);

export type TitleBlock = {
  journalTitle: string;
  citation: string;
  sectionLabel: string;
  title: Run[];
  subtitle: string;
  /** each author's name and the numbers of their affiliations */
  authors: { name: string; affiliations: number[] }[];
  affiliations: string[];
};

/** Journal name and citation above a rule; returns the y just under the rule. */
export function drawRunningHead(set: Typesetter, page: PDFPage, journalTitle: string, citation: string): number {
  let y = PAGE_HEIGHT - MARGIN_TOP;
  const journal = set.clean(journalTitle);
  page.drawText(journal, { x: MARGIN_X, y, size: 11, font: set.fonts.sansBold, color: ACCENT });
  const style: TextStyle = { family: 'sans', size: 7.5 };
  const titleWidth = set.fonts.sansBold.widthOfTextAtSize(journal, 11);
  const lines = set.wrap(set.words([{ text: citation }], style), style, CONTENT_WIDTH * 0.6);
  const citationWidth = Math.max(...lines.map((l) => l.width));
  // A citation that would collide with the journal name goes on its own lines below it.
  if (titleWidth + citationWidth + 24 > CONTENT_WIDTH) y -= 11;
  lines.forEach((line, index) => {
    set.drawLine(page, line, MARGIN_X, y - index * 9, style, { width: CONTENT_WIDTH, align: 'right' });
  });
  y -= 9 * (lines.length - 1) + 7;
  page.drawLine({ start: { x: MARGIN_X, y }, end: { x: PAGE_WIDTH - MARGIN_X, y }, thickness: 1.5, color: ACCENT });
  return y - 6;
}

/** Draws the page-1 title block (label, title, authors with affiliation numbers, affiliations); returns where the columns start. */
export function drawTitleBlock(set: Typesetter, page: PDFPage, block: TitleBlock): number {
  let y = drawRunningHead(set, page, block.journalTitle, block.citation) - 8;
  const write = (runs: Run[], style: TextStyle, leading: number) => {
    for (const line of set.wrap(set.words(runs, style), style, CONTENT_WIDTH)) {
      y -= leading;
      set.drawLine(page, line, MARGIN_X, y, style);
    }
  };
  if (block.sectionLabel) {
    write([{ text: block.sectionLabel.toUpperCase() }], { family: 'sans', size: 9, isBold: true, color: ACCENT }, 12);
  }
  y -= 6;
  write(block.title, { family: 'sans', size: 17, isBold: true }, 21);
  if (block.subtitle) {
    y -= 4;
    write([{ text: block.subtitle }], { family: 'serif', size: 12, isItalic: true }, 15);
  }
  if (block.authors.length > 0) {
    y -= 8;
    const runs: Run[] = block.authors.flatMap((author, i) => [
      { text: `${i > 0 ? ', ' : ''}${author.name}` },
      ...(author.affiliations.length > 0 ? [{ text: author.affiliations.join(','), script: 'sup' as const }] : []),
    ]);
    write(runs, { family: 'sans', size: 10, isBold: true }, 13);
  }
  if (block.affiliations.length > 0) {
    y -= 4;
    block.affiliations.forEach((text, i) => {
      write([{ text: String(i + 1), script: 'sup' }, { text: ` ${text}` }], { family: 'sans', size: 7.5 }, 9.2);
    });
  }
  y -= 10;
  page.drawLine({ start: { x: MARGIN_X, y }, end: { x: PAGE_WIDTH - MARGIN_X, y }, thickness: 0.5, color: RULE });
  return y - 6;
}

/** Every page's foot: the citation with its DOI at the left, "Page n of N" at the right. */
export function drawFooters(set: Typesetter, pages: PDFPage[], citation: string): void {
  const y = MARGIN_BOTTOM - 28;
  const font = set.fonts.sans;
  const size = 7;
  pages.forEach((page, index) => {
    page.drawLine({
      start: { x: MARGIN_X, y: y + 11 },
      end: { x: PAGE_WIDTH - MARGIN_X, y: y + 11 },
      thickness: 0.5,
      color: RULE,
    });
    const label = `Page ${index + 1} of ${pages.length}`;
    const labelWidth = font.widthOfTextAtSize(label, size);
    page.drawText(label, { x: PAGE_WIDTH - MARGIN_X - labelWidth, y, size, font });
    page.drawText(fitText(set, citation, CONTENT_WIDTH - labelWidth - 18, size), {
      x: MARGIN_X,
      y,
      size,
      font,
      color: RULE,
    });
  });
}

/** The text, or its DOI alone, or cut at a word with an ellipsis, whichever first fits `width`. */
function fitText(set: Typesetter, text: string, width: number, size: number): string {
  const clean = set.clean(text);
  const measure = (s: string) => set.fonts.sans.widthOfTextAtSize(s, size);
  if (measure(clean) <= width) return clean;
  // The DOI is the part that finds the article again: keep it whole, shorten what comes before.
  const doi = /doi:\S+$/.exec(clean)?.[0];
  if (doi && measure(doi) <= width) return doi;
  const words = clean.split(' ');
  while (words.length > 1 && measure(`${words.join(' ')} …`) > width) words.pop();
  return `${words.join(' ')} …`;
}
