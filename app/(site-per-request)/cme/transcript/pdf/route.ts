// GET /cme/transcript/pdf – the signed-in learner's CME transcript as a PDF.
import { getCurrentUser } from '@/lib/auth/current-user';
import { CME_PROVIDER } from '@/lib/cme/accreditation';
import { getTranscript } from '@/lib/cme/get-transcript';
import { renderTranscriptPdf } from '@/lib/cme/render-transcript-pdf';
import { summarizeTranscript } from '@/lib/cme/summarize-transcript';
import { htmlMessage } from '@/lib/http/html-message';
import { htmlRoute } from '@/lib/http/html-route';

export const GET = htmlRoute(async () => {
  const user = await getCurrentUser();
  if (!user)
    return htmlMessage(401, 'Please sign in', 'Sign in to download your CME transcript.', {
      href: '/signin?callbackUrl=%2Fcme%2Ftranscript',
      label: 'Sign in',
    });
  const years = summarizeTranscript(await getTranscript(user.id));
  const pdf = await renderTranscriptPdf({ learnerName: user.name, years, provider: CME_PROVIDER });
  return new Response(Buffer.from(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': 'attachment; filename="cme-transcript.pdf"',
      'Cache-Control': 'private, no-store',
    },
  });
});
