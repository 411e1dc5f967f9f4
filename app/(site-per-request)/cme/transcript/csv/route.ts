// GET /cme/transcript/csv – the signed-in learner's CME transcript as CSV.
import { getCurrentUser } from '@/lib/auth/current-user';
import { formatTranscriptCsv } from '@/lib/cme/format-transcript-csv';
import { getTranscript } from '@/lib/cme/get-transcript';
import { env } from '@/lib/env';
import { htmlMessage } from '@/lib/http/html-message';
import { htmlRoute } from '@/lib/http/html-route';

export const GET = htmlRoute(async () => {
  const user = await getCurrentUser();
  if (!user)
    return htmlMessage(401, 'Please sign in', 'Sign in to download your CME transcript.', {
      href: '/signin?callbackUrl=%2Fcme%2Ftranscript',
      label: 'Sign in',
    });
  const csv = formatTranscriptCsv(await getTranscript(user.id), env.SITE_URL);
  // A byte-order mark so spreadsheet programs read the ™ as UTF-8.
  return new Response(`\uFEFF${csv}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="cme-transcript.csv"',
      'Cache-Control': 'private, no-store',
    },
  });
});
