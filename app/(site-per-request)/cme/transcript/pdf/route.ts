// GET /cme/transcript/pdf – the signed-in learner's CME transcript as a PDF.
import { CME_PROVIDER } from '@/lib/cme/accreditation';
import { renderTranscriptPdf } from '@/lib/cme/render-transcript-pdf';
import { summarizeTranscript } from '@/lib/cme/summarize-transcript';
import { transcriptDownload } from '../transcript-download';

export const GET = transcriptDownload({
  contentType: 'application/pdf',
  filename: 'cme-transcript.pdf',
  render: async (entries, user) =>
    Buffer.from(
      await renderTranscriptPdf({
        learnerName: user.name,
        years: summarizeTranscript(entries),
        provider: CME_PROVIDER,
      }),
    ),
});
