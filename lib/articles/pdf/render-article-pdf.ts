import 'server-only';
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import { ColumnFlow, COLUMN_WIDTH, MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, PAGE_HEIGHT, PAGE_WIDTH } from './column-flow';
import { toDrawableText } from './to-drawable-text';
import { wrapWords } from './wrap-words';

export type ArticlePdfInput = {
  journalTitle: string;
  /** e.g. "Arch Dermatol. 2012;148(4):545. doi:10.1001/archdermatol.2011.3156" */
  citation: string;
  sectionLabel: string;
  title: string;
  subtitle?: string | null;
  /** e.g. "Cindy England Owen, MD" */
  authors: string;
  /** plain text: the preview paragraphs, then the full text */
  paragraphs: string[];
  references: string[];
};

type Fonts = { body: PDFFont; bodyItalic: PDFFont; sans: PDFFont; sansBold: PDFFont };

const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X;
const INK = rgb(0.1, 0.1, 0.1);
const ACCENT = rgb(0.55, 0.09, 0.13);
const RULE = rgb(0.55, 0.55, 0.55);
const BODY = { size: 9.5, leading: 12.2, indent: 10 };
const REFS = { size: 7.5, leading: 9.4, hang: 12 };

/**
 * Typesets an article as a journal-style PDF: a title block on page 1, the text in two justified
 * columns over as many pages as it needs, the references last and page numbers in every footer.
 * Uses only the standard fonts, so text they cannot show is respelled (see toDrawableText).
 */
export async function renderArticlePdf(article: ArticlePdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(article.title);
  doc.setAuthor(article.authors);
  doc.setSubject(article.citation);
  doc.setProducer('journal-platform');
  doc.setCreator('journal-platform');
  const fonts: Fonts = {
    body: await doc.embedFont(StandardFonts.TimesRoman),
    bodyItalic: await doc.embedFont(StandardFonts.TimesRomanItalic),
    sans: await doc.embedFont(StandardFonts.Helvetica),
    sansBold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  // All four fonts share WinAnsi, so one character set serves every string.
  const supported = new Set(fonts.body.getCharacterSet());
  const clean = (s: string) => toDrawableText(s, supported).replace(/\s+/g, ' ').trim();

  const first = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
  const titleBottom = drawTitleBlock(first, fonts, {
    journalTitle: clean(article.journalTitle),
    citation: clean(article.citation),
    sectionLabel: clean(article.sectionLabel),
    title: clean(article.title),
    subtitle: article.subtitle ? clean(article.subtitle) : '',
    authors: clean(article.authors),
  });
  const flow = new ColumnFlow(doc, first, titleBottom, (page) =>
    drawRunningHead(page, fonts, clean(article.journalTitle), clean(article.citation)),
  );

  article.paragraphs
    .map(clean)
    .filter(Boolean)
    .forEach((text, index) => {
      drawParagraph(flow, fonts.body, text, index === 0 ? 0 : BODY.indent);
    });

  const references = article.references.map(clean).filter(Boolean);
  if (references.length > 0) {
    flow.skip(10);
    flow.keepRoom(30);
    const y = flow.takeLine(12);
    flow.page.drawText('References', { x: flow.x, y, size: 8.5, font: fonts.sansBold, color: ACCENT });
    flow.skip(2);
    references.forEach((text, index) => drawReference(flow, fonts.body, `${index + 1}.`, text));
  }

  drawFooters(doc.getPages(), fonts.sans, clean(article.journalTitle));
  return doc.save();
}

type TitleBlock = Omit<ArticlePdfInput, 'paragraphs' | 'references' | 'subtitle'> & { subtitle: string };

/** Draws the page-1 header and title block; returns the y where the columns start. */
function drawTitleBlock(page: PDFPage, fonts: Fonts, block: TitleBlock): number {
  let y = drawRunningHead(page, fonts, block.journalTitle, block.citation) - 8;
  const write = (text: string, font: PDFFont, size: number, leading: number, color = INK) => {
    for (const words of wrapWords(text, { font, size, width: CONTENT_WIDTH })) {
      y -= leading;
      page.drawText(words.join(' '), { x: MARGIN_X, y, size, font, color });
    }
  };
  if (block.sectionLabel) write(block.sectionLabel.toUpperCase(), fonts.sansBold, 9, 12, ACCENT);
  y -= 6;
  write(block.title, fonts.sansBold, 17, 21);
  if (block.subtitle) {
    y -= 4;
    write(block.subtitle, fonts.bodyItalic, 12, 15);
  }
  y -= 8;
  write(block.authors, fonts.sansBold, 10, 13);
  y -= 10;
  page.drawLine({ start: { x: MARGIN_X, y }, end: { x: PAGE_WIDTH - MARGIN_X, y }, thickness: 0.5, color: RULE });
  return y - 6;
}

/** Journal name and citation above a rule; returns the y just under the rule. */
function drawRunningHead(page: PDFPage, fonts: Fonts, journalTitle: string, citation: string): number {
  let y = PAGE_HEIGHT - MARGIN_TOP;
  page.drawText(journalTitle, { x: MARGIN_X, y, size: 11, font: fonts.sansBold, color: ACCENT });
  const citationSize = 7.5;
  const titleWidth = fonts.sansBold.widthOfTextAtSize(journalTitle, 11);
  const citationLines = wrapWords(citation, { font: fonts.sans, size: citationSize, width: CONTENT_WIDTH * 0.6 });
  const citationWidth = Math.max(...citationLines.map((w) => fonts.sans.widthOfTextAtSize(w.join(' '), citationSize)));
  // A citation that would collide with the journal name goes on its own lines below it.
  const isBeside = titleWidth + citationWidth + 24 <= CONTENT_WIDTH;
  if (!isBeside) y -= 11;
  citationLines.forEach((words, index) => {
    const text = words.join(' ');
    const x = PAGE_WIDTH - MARGIN_X - fonts.sans.widthOfTextAtSize(text, citationSize);
    page.drawText(text, { x, y: y - index * 9, size: citationSize, font: fonts.sans, color: INK });
  });
  y -= 9 * (citationLines.length - 1) + 7;
  page.drawLine({ start: { x: MARGIN_X, y }, end: { x: PAGE_WIDTH - MARGIN_X, y }, thickness: 1.5, color: ACCENT });
  return y - 6;
}

/** Justified lines; the last line of the paragraph stays ragged, as in print. */
function drawParagraph(flow: ColumnFlow, font: PDFFont, text: string, indent: number): void {
  const lines = wrapWords(text, { font, size: BODY.size, width: COLUMN_WIDTH, firstLineIndent: indent });
  lines.forEach((words, index) => {
    const y = flow.takeLine(BODY.leading);
    const lineIndent = index === 0 ? indent : 0;
    const isLast = index === lines.length - 1;
    drawJustified(flow.page, font, words, flow.x + lineIndent, y, COLUMN_WIDTH - lineIndent, !isLast);
  });
}

function drawJustified(
  page: PDFPage,
  font: PDFFont,
  words: string[],
  x: number,
  y: number,
  width: number,
  isJustified: boolean,
): void {
  if (!isJustified || words.length < 2) {
    page.drawText(words.join(' '), { x, y, size: BODY.size, font, color: INK });
    return;
  }
  const widths = words.map((w) => font.widthOfTextAtSize(w, BODY.size));
  const gap = (width - widths.reduce((a, b) => a + b, 0)) / (words.length - 1);
  let cursor = x;
  words.forEach((word, i) => {
    page.drawText(word, { x: cursor, y, size: BODY.size, font, color: INK });
    cursor += (widths[i] ?? 0) + gap;
  });
}

function drawReference(flow: ColumnFlow, font: PDFFont, label: string, text: string): void {
  const width = COLUMN_WIDTH - REFS.hang;
  wrapWords(text, { font, size: REFS.size, width }).forEach((words, index) => {
    const y = flow.takeLine(REFS.leading);
    if (index === 0) flow.page.drawText(label, { x: flow.x, y, size: REFS.size, font, color: INK });
    flow.page.drawText(words.join(' '), { x: flow.x + REFS.hang, y, size: REFS.size, font, color: INK });
  });
}

function drawFooters(pages: PDFPage[], font: PDFFont, journalTitle: string): void {
  const y = MARGIN_BOTTOM - 28;
  pages.forEach((page, index) => {
    page.drawLine({
      start: { x: MARGIN_X, y: y + 11 },
      end: { x: PAGE_WIDTH - MARGIN_X, y: y + 11 },
      thickness: 0.5,
      color: RULE,
    });
    page.drawText(journalTitle, { x: MARGIN_X, y, size: 7.5, font, color: RULE });
    const label = `Page ${index + 1} of ${pages.length}`;
    const x = PAGE_WIDTH - MARGIN_X - font.widthOfTextAtSize(label, 7.5);
    page.drawText(label, { x, y, size: 7.5, font, color: INK });
  });
}
