// GET /cme/transcript/csv – the signed-in learner's CME transcript as CSV.
import { formatTranscriptCsv } from '@/lib/cme/format-transcript-csv';
import { env } from '@/lib/env';
import { transcriptDownload } from '../transcript-download';

export const GET = transcriptDownload({
  contentType: 'text/csv; charset=utf-8',
  filename: 'cme-transcript.csv',
  // A byte-order mark so spreadsheet programs read the ™ as UTF-8.
  render: (entries) => `\uFEFF${formatTranscriptCsv(entries, env.SITE_URL)}`,
});
