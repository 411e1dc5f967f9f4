import 'server-only';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { toDrawableText } from '@/lib/articles/pdf/to-drawable-text';
import { wrapWords } from '@/lib/articles/pdf/wrap-words';
import { formatDateTime } from '@/lib/format-date';
import { JOURNAL } from '@/lib/site/journal-facts';
import { formatMoney } from './format-money';
import type { Payment } from './list-billing-history';

const WIDTH = 612;
const HEIGHT = 792;
const MARGIN = 54;
const INK = rgb(0.1, 0.1, 0.1);

/**
 * A one-page receipt for one of the reader's payments, issued by the journal (any provider); its
 * time in `timeZone` (the reader's, who downloads it), named.
 */
export async function renderReceiptPdf(
  payment: Payment,
  payer: { name: string; email: string },
  { timeZone }: { timeZone: string },
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Receipt ${payment.key}`);
  doc.setProducer('journal-platform');
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const supported = new Set(regular.getCharacterSet());
  const page = doc.addPage([WIDTH, HEIGHT]);
  let y = HEIGHT - MARGIN;
  const line = (text: string, size: number, isBold = false) => {
    const font = isBold ? bold : regular;
    const clean = toDrawableText(text, supported).replace(/\s+/g, ' ').trim();
    for (const words of wrapWords(clean, { font, size, width: WIDTH - 2 * MARGIN })) {
      y -= size * 1.5;
      page.drawText(words.join(' '), { x: MARGIN, y, size, font, color: INK });
    }
  };
  line(`${JOURNAL.title} · ${JOURNAL.publisher}`, 11);
  line('Receipt', 22, true);
  y -= 10;
  line(`Receipt number: ${payment.key}`, 11);
  line(`Date: ${formatDateTime(payment.paidAt, timeZone)}`, 11);
  line(`Paid by: ${payer.name} <${payer.email}>`, 11);
  y -= 10;
  line(payment.what.kind === 'subscription' ? payment.what.plan : `24-hour access: ${payment.what.title}`, 12, true);
  if (payment.what.kind === 'article') line(`DOI ${payment.what.doi}`, 11);
  line(`Amount: ${formatMoney(payment.amountCents, payment.currency)}`, 12, true);
  line(`Status: ${payment.status}`, 11);
  y -= 10;
  line(`Questions about a payment: ${JOURNAL.subscriptions}`, 10);
  return doc.save();
}
