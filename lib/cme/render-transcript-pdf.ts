import 'server-only';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { toDrawableText } from '@/lib/articles/pdf/to-drawable-text';
import { wrapWords } from '@/lib/articles/pdf/wrap-words';
import { describeCreditAmount, describeCredits } from './format-credits';
import type { TranscriptYear } from './summarize-transcript';
import { formatIsoDate } from '@/lib/format-date';

const WIDTH = 612;
const HEIGHT = 792;
const MARGIN = 54;
const INK = rgb(0.1, 0.1, 0.1);

/** The learner's CME transcript: completions grouped by year with yearly totals, as many pages as needed. */
export async function renderTranscriptPdf(options: {
  learnerName: string;
  years: TranscriptYear[];
  provider: string;
}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`CME transcript: ${options.learnerName}`);
  doc.setProducer('journal-platform');
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const supported = new Set(regular.getCharacterSet());
  const clean = (s: string) => toDrawableText(s, supported).replace(/\s+/g, ' ').trim();

  let page = doc.addPage([WIDTH, HEIGHT]);
  let y = HEIGHT - MARGIN;
  const line = (text: string, size: number, isBold = false, x = MARGIN) => {
    if (y - size * 1.4 < MARGIN) {
      page = doc.addPage([WIDTH, HEIGHT]);
      y = HEIGHT - MARGIN;
    }
    y -= size * 1.4;
    page.drawText(clean(text), { x, y, size, font: isBold ? bold : regular, color: INK });
  };

  line(options.provider, 11);
  line('CME Transcript', 20, true);
  line(options.learnerName, 13);
  y -= 8;
  if (options.years.length === 0) line('No CME credit claimed yet.', 11);
  for (const { year, entries, totalQuarters } of options.years) {
    y -= 8;
    line(`${year}: ${describeCredits(totalQuarters)}`, 13, true);
    for (const e of entries) {
      const head = `${formatIsoDate(e.completedAt)}  ${describeCreditAmount(e.creditQuarters, e.creditType)}`;
      line(head, 10, true, MARGIN + 8);
      for (const words of wrapWords(clean(e.activityTitle), {
        font: regular,
        size: 10,
        width: WIDTH - 2 * MARGIN - 16,
      })) {
        line(words.join(' '), 10, false, MARGIN + 16);
      }
      line(`Certificate ${e.certificateId}`, 9, false, MARGIN + 16);
    }
  }
  return doc.save();
}
