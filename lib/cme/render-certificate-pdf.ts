import 'server-only';
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import { toDrawableText } from '@/lib/articles/pdf/to-drawable-text';
import { wrapWords } from '@/lib/articles/pdf/wrap-words';
import { ACCREDITATION_STATEMENT, designationStatement } from './accreditation';
import { describeCreditAmount } from './format-credits';
import { formatDate } from '@/lib/format-date';

export type CertificatePdfInput = {
  id: string;
  learnerName: string;
  activityTitle: string;
  creditType: string;
  creditQuarters: number;
  /** the activity's maximum, for the designation statement */
  maxCreditQuarters: number;
  completedAt: Date;
  issuedAt: Date;
  /** the public verification URL, carrying the signed token (lib/cme/sign-certificate.ts) */
  verificationUrl: string;
  /** the signed certificate (a compact JWS), also kept in the PDF's Subject for `npm run cme:verify` */
  token: string;
  /** where the public key is published */
  publicKeyUrl: string;
  provider: string;
};

const WIDTH = 792; // US Letter, landscape
const HEIGHT = 612;
const INK = rgb(0.1, 0.1, 0.1);
const ACCENT = rgb(0.55, 0.09, 0.13);
// The URL carries the signed token (~750 characters): a larger code at low error correction keeps
// its modules about half a millimetre wide, which phones read from paper.
const QR_SIZE = 124;

/**
 * A one-page certificate: learner, activity, dates in words (UTC), credit, the accreditation and
 * designation statements, and the public verification URL (which carries the signed token) with
 * a QR code of it. Standard fonts only, so text they lack is respelled.
 */
export async function renderCertificatePdf(cert: CertificatePdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`CME certificate ${cert.id}`);
  doc.setAuthor(cert.provider);
  doc.setProducer('journal-platform');
  doc.setCreator('journal-platform');
  doc.setSubject(`Signed CME certificate (JWS): ${cert.token}`);
  const serif = await doc.embedFont(StandardFonts.TimesRoman);
  const serifBold = await doc.embedFont(StandardFonts.TimesRomanBold);
  const sans = await doc.embedFont(StandardFonts.Helvetica);
  const supported = new Set(serif.getCharacterSet());
  const clean = (s: string) => toDrawableText(s, supported).replace(/\s+/g, ' ').trim();

  const page = doc.addPage([WIDTH, HEIGHT]);
  page.drawRectangle({ x: 24, y: 24, width: WIDTH - 48, height: HEIGHT - 48, borderColor: ACCENT, borderWidth: 3 });
  let y = HEIGHT - 84;
  const center = (text: string, font: PDFFont, size: number, color = INK) => {
    drawCentered(page, clean(text), font, size, y, color);
    y -= size * 1.5;
  };
  const paragraph = (text: string, font: PDFFont, size: number, width: number) => {
    for (const words of wrapWords(clean(text), { font, size, width })) center(words.join(' '), font, size);
  };
  center(cert.provider, sans, 13, ACCENT);
  y -= 6;
  center('Certificate of CME Completion', serifBold, 28);
  y -= 4;
  center('This certifies that', serif, 13);
  center(cert.learnerName, serifBold, 24);
  center('has completed the enduring material', serif, 13);
  paragraph(cert.activityTitle, serifBold, 16, WIDTH - 200);
  y -= 4;
  center(`and is awarded ${describeCreditAmount(cert.creditQuarters, cert.creditType)}.`, serif, 15);
  center(`Completed ${formatDate(cert.completedAt)} · Issued ${formatDate(cert.issuedAt)}`, serif, 12);
  y -= 8;
  paragraph(ACCREDITATION_STATEMENT, serif, 10, WIDTH - 160);
  paragraph(designationStatement(cert.maxCreditQuarters), serif, 10, WIDTH - 160);

  // Foot: id and verification URL on the left, a QR code of the URL on the right.
  const left = 60;
  page.drawText(clean(`Certificate ID: ${cert.id}`), { x: left, y: 70, size: 10, font: sans, color: INK });
  const siteUrl = new URL(cert.verificationUrl).origin;
  page.drawText(clean(`Verify this certificate at ${siteUrl}/cme/certificates/${cert.id}`), {
    x: left,
    y: 54,
    size: 10,
    font: sans,
    color: INK,
  });
  page.drawText(clean(`Signed: scan the code, or check it offline with the key at ${cert.publicKeyUrl}`), {
    x: left,
    y: 40,
    size: 8,
    font: sans,
    color: INK,
  });
  drawQrCode(page, cert.verificationUrl, WIDTH - 40 - QR_SIZE, 34, QR_SIZE);
  return doc.save();
}

/** The QR code as vector squares: sharp at any zoom, and no image to embed. */
function drawQrCode(page: PDFPage, text: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'L' });
  const cell = size / modules.size;
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      page.drawRectangle({ x: x + col * cell, y: y + size - (row + 1) * cell, width: cell, height: cell, color: INK });
    }
  }
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
