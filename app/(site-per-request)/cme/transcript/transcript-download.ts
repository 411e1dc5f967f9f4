// The transcript downloads (CSV, PDF): the signed-in learner's own transcript as a file, never
// cached; a visitor is asked to sign in.
import { getCurrentUser, type CurrentUser } from '@/lib/auth/current-user';
import { getTranscript } from '@/lib/cme/get-transcript';
import { htmlMessage } from '@/lib/http/html-message';
import { htmlRoute } from '@/lib/http/html-route';

type TranscriptEntries = Awaited<ReturnType<typeof getTranscript>>;

export function transcriptDownload(file: {
  contentType: string;
  filename: string;
  render: (entries: TranscriptEntries, user: CurrentUser) => Promise<BodyInit> | BodyInit;
}) {
  return htmlRoute(async () => {
    const user = await getCurrentUser();
    if (!user)
      return htmlMessage(401, 'Please sign in', 'Sign in to download your CME transcript.', {
        href: '/signin?callbackUrl=%2Fcme%2Ftranscript',
        label: 'Sign in',
      });
    return new Response(await file.render(await getTranscript(user.id), user), {
      headers: {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.filename}"`,
        'Cache-Control': 'private, no-store',
      },
    });
  });
}
