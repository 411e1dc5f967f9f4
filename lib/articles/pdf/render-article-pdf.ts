import 'server-only';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { ColumnFlow, COLUMN_GAP, COLUMN_WIDTH, MARGIN_BOTTOM, MARGIN_X, PAGE_HEIGHT, PAGE_WIDTH } from './column-flow';
import { ACCENT, drawBlocks, type DrawContext } from './draw-blocks';
import { embedFigureImages, type FigureImage } from './draw-figure';
import { htmlToBlocks, htmlToRuns } from './html-to-blocks';
import { drawFooters, drawRunningHead, drawTitleBlock, type TitleBlock } from './page-furniture';
import type { Block } from './pdf-blocks';
import { type Fonts, Typesetter } from './typeset-runs';

export type ArticlePdfInput = {
  journalTitle: string;
  /** e.g. "Arch Dermatol. 2012;148(4):545. doi:10.1001/archdermatol.2011.3156" */
  citation: string;
  sectionLabel: string;
  /** the title as stored HTML (italics, sub/superscripts) */
  titleHtml: string;
  subtitle?: string | null;
  authors: TitleBlock['authors'];
  affiliations: string[];
  /** public: what every visitor reads on the article page */
  previewHtml: string;
  /** the rest, in order: summaries, full text, article information */
  bodyHtml: string;
  referencesHtml: string;
  /** a figure's stored image by its id; none yet means an empty frame above the caption */
  figureImage?: FigureImage;
};

/** A rectangle of page 1 in PDF points, measured from the page's top-left corner. */
export type PageRegion = { x: number; top: number; width: number; height: number };

export type ArticlePdf = {
  pdf: Uint8Array;
  /** The parts of page 1 that carry only what the article page shows every visitor (title block, preview). */
  publicRegions: PageRegion[];
};

async function embedFonts(doc: PDFDocument): Promise<Fonts> {
  const [serif, serifBold, serifItalic, serifBoldItalic, sans, sansBold, sansBoldItalic, symbol] = await Promise.all(
    [
      StandardFonts.TimesRoman,
      StandardFonts.TimesRomanBold,
      StandardFonts.TimesRomanItalic,
      StandardFonts.TimesRomanBoldItalic,
      StandardFonts.Helvetica,
      StandardFonts.HelveticaBold,
      StandardFonts.HelveticaBoldOblique,
      StandardFonts.Symbol,
    ].map((name) => doc.embedFont(name)),
  );
  return {
    serif: serif!,
    serifBold: serifBold!,
    serifItalic: serifItalic!,
    serifBoldItalic: serifBoldItalic!,
    sans: sans!,
    sansBold: sansBold!,
    sansBoldItalic: sansBoldItalic!,
    symbol: symbol!,
  };
}

const figureIds = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === 'figure' && b.id ? [b.id] : []));

/**
 * Typesets an article as a journal-style PDF: a title block on page 1 (authors with their
 * affiliations), then the preview, the text, tables, figures, formulas and the references in two
 * columns over as many pages as needed, with the citation and page numbers in every footer.
 * Uses only the standard fonts (Symbol for Greek and math signs); what they cannot show is respelled.
 */
export async function renderArticlePdf(article: ArticlePdfInput): Promise<ArticlePdf> {
  const doc = await PDFDocument.create();
  doc.setTitle(article.titleHtml.replace(/<[^>]*>/g, ''));
  doc.setAuthor(article.authors.map((a) => a.name).join('; '));
  doc.setSubject(article.citation);
  doc.setProducer('journal-platform');
  doc.setCreator('journal-platform');
  const set = new Typesetter(await embedFonts(doc));

  const preview = htmlToBlocks(article.previewHtml);
  const body = htmlToBlocks(article.bodyHtml);
  const references = htmlToBlocks(article.referencesHtml);
  const images = await embedFigureImages(doc, figureIds([...preview, ...body]), article.figureImage ?? (() => null));

  const first = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
  const titleBottom = drawTitleBlock(set, first, {
    journalTitle: article.journalTitle,
    citation: article.citation,
    sectionLabel: article.sectionLabel,
    title: htmlToRuns(article.titleHtml),
    subtitle: article.subtitle ?? '',
    authors: article.authors.map((a) => ({ ...a, name: set.clean(a.name) })),
    affiliations: article.affiliations.map((a) => set.clean(a)),
  });
  const flow = new ColumnFlow(doc, first, titleBottom, (page) =>
    drawRunningHead(set, page, article.journalTitle, article.citation),
  );
  const context: DrawContext = { set, flow, images };

  drawBlocks(context, preview);
  const publicRegions = previewRegions(flow, titleBottom);
  drawBlocks(context, body);
  if (references.length > 0) {
    const style = { family: 'sans', size: 8.5, isBold: true, color: ACCENT } as const;
    flow.skip(10);
    flow.keepRoom(30);
    const y = flow.takeLine(12);
    set.drawLine(
      flow.page,
      set.wrap(set.words([{ text: 'References' }], style), style, COLUMN_WIDTH)[0]!,
      flow.x,
      y,
      style,
    );
    flow.skip(2);
    drawBlocks(context, references);
  }

  drawFooters(set, doc.getPages(), article.citation);
  return { pdf: await doc.save({ useObjectStreams: false }), publicRegions };
}

/** Where the title block and the preview ended on page 1 (all of it when the preview ran on). */
function previewRegions(flow: ColumnFlow, titleBottom: number): PageRegion[] {
  const whole: PageRegion = { x: 0, top: 0, width: PAGE_WIDTH, height: PAGE_HEIGHT };
  if (flow.pageIndex > 0) return [whole];
  const columnsTop = PAGE_HEIGHT - titleBottom;
  // Descenders of the last preview line reach a few points below its baseline.
  const previewBottom = PAGE_HEIGHT - flow.y + 3;
  const title: PageRegion = { x: 0, top: 0, width: PAGE_WIDTH, height: columnsTop };
  const column = (index: number, bottom: number): PageRegion => ({
    x: MARGIN_X + index * (COLUMN_WIDTH + COLUMN_GAP) - 4,
    top: columnsTop,
    width: COLUMN_WIDTH + 8,
    height: Math.max(0, bottom - columnsTop),
  });
  if (flow.column === 0) return [title, column(0, previewBottom)];
  return [title, column(0, PAGE_HEIGHT - MARGIN_BOTTOM + 3), column(1, previewBottom)];
}
