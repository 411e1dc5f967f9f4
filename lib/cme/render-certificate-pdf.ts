import 'server-only';
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { toDrawableText } from '@/lib/articles/pdf/to-drawable-text';
import { wrapWords } from '@/lib/articles/pdf/wrap-words';
import { formatCredits } from './format-credits';

export type CertificatePdfInput = {
  id: string;
  learnerName: string;
  activityTitle: string;
  creditType: string;
  creditQuarters: number;
  completedAt: Date;
  verificationUrl: string;
  provider: string;
};

const WIDTH = 792; // US Letter, landscape
const HEIGHT = 612;
const INK = rgb(0.1, 0.1, 0.1);
const ACCENT = rgb(0.55, 0.09, 0.13);

/** A one-page certificate of completion; standard fonts only, so text they lack is respelled. */
export async function renderCertificatePdf(cert: CertificatePdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`CME certificate ${cert.id}`);
  doc.setAuthor(cert.provider);
  doc.setProducer('journal-platform');
  doc.setCreator('journal-platform');
  const serif = await doc.embedFont(StandardFonts.TimesRoman);
  const serifBold = await doc.embedFont(StandardFonts.TimesRomanBold);
  const sans = await doc.embedFont(StandardFonts.Helvetica);
  const supported = new Set(serif.getCharacterSet());
  const clean = (s: string) => toDrawableText(s, supported).replace(/\s+/g, ' ').trim();

  const page = doc.addPage([WIDTH, HEIGHT]);
  page.drawRectangle({ x: 24, y: 24, width: WIDTH - 48, height: HEIGHT - 48, borderColor: ACCENT, borderWidth: 3 });
  let y = HEIGHT - 110;
  const center = (text: string, font: PDFFont, size: number, color = INK) => {
    drawCentered(page, clean(text), font, size, y, color);
    y -= size * 1.6;
  };
  center(cert.provider, sans, 14, ACCENT);
  y -= 10;
  center('Certificate of CME Completion', serifBold, 30);
  y -= 6;
  center('This certifies that', serif, 14);
  center(cert.learnerName, serifBold, 26);
  center('has completed the journal-based CME activity', serif, 14);
  for (const words of wrapWords(clean(cert.activityTitle), { font: serifBold, size: 17, width: WIDTH - 200 })) {
    center(words.join(' '), serifBold, 17);
  }
  y -= 6;
  center(`and is awarded ${formatCredits(cert.creditQuarters)} ${cert.creditType}.`, serif, 16);
  center(`Completed ${cert.completedAt.toISOString().slice(0, 10)}`, serif, 14);
  y = 92;
  center(`Certificate ID: ${cert.id}`, sans, 11);
  center(`Verify this certificate at ${cert.verificationUrl}`, sans, 11);
  return doc.save();
}

function drawCentered(
  page: PDFPage,
  text: string,
  font: PDFFont,
  size: number,
  y: number,
  color: ReturnType<typeof rgb>,
) {
  const width = font.widthOfTextAtSize(text, size);
  page.drawText(text, { x: (WIDTH - width) / 2, y, size, font, color });
}
