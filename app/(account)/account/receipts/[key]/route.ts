// GET /account/receipts/<key> – the signed-in reader's receipt for one of their payments, as a PDF.
import { getCurrentUser } from '@/lib/auth/current-user';
import { findPayment } from '@/lib/billing/list-billing-history';
import { renderReceiptPdf } from '@/lib/billing/render-receipt-pdf';
import { htmlMessage } from '@/lib/http/html-message';
import { htmlRoute } from '@/lib/http/html-route';
import { getReaderTimeZone } from '@/lib/time-zone/get-reader-time-zone';

export const GET = htmlRoute(async (_request: Request, { params }: { params: Promise<{ key: string }> }) => {
  const { key } = await params;
  const user = await getCurrentUser();
  if (!user)
    return htmlMessage(401, 'Please sign in', 'Sign in to download your receipts.', {
      href: `/signin?callbackUrl=${encodeURIComponent('/account')}`,
      label: 'Sign in',
    });
  const payment = await findPayment(user.id, key);
  if (!payment) return htmlMessage(404, 'Receipt not found', 'None of your payments has this receipt number.');
  const pdf = await renderReceiptPdf(
    payment,
    { name: user.name, email: user.email },
    { timeZone: await getReaderTimeZone() },
  );
  return new Response(Buffer.from(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="receipt-${payment.key}.pdf"`,
      'Cache-Control': 'private, no-store',
    },
  });
});
