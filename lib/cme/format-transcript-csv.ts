import { formatCredits } from './format-credits';
import { formatCsv } from './format-csv';
import type { TranscriptEntry } from './summarize-transcript';
import { formatIsoDate } from '@/lib/format-date';

const HEADER = ['Completed', 'Activity', 'Credit type', 'Credits', 'Certificate ID', 'Verification URL'];

/** The learner's transcript as CSV (see formatCsv). */
export function formatTranscriptCsv(entries: TranscriptEntry[], siteUrl: string): string {
  const rows = entries.map((e) => [
    formatIsoDate(e.completedAt),
    e.activityTitle,
    e.creditType,
    formatCredits(e.creditQuarters),
    e.certificateId,
    `${siteUrl}/cme/certificates/${e.certificateId}`,
  ]);
  return formatCsv([HEADER, ...rows]);
}
