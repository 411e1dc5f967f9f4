import { formatCredits } from './format-credits';
import type { TranscriptEntry } from './summarize-transcript';

const HEADER = ['Completed', 'Activity', 'Credit type', 'Credits', 'Certificate ID', 'Verification URL'];

/** RFC 4180 CSV; cells that a spreadsheet would run as a formula are prefixed with an apostrophe. */
export function formatTranscriptCsv(entries: TranscriptEntry[], siteUrl: string): string {
  const rows = entries.map((e) => [
    e.completedAt.toISOString().slice(0, 10),
    e.activityTitle,
    e.creditType,
    formatCredits(e.creditQuarters),
    e.certificateId,
    `${siteUrl}/cme/certificates/${e.certificateId}`,
  ]);
  return [HEADER, ...rows].map((row) => row.map(quoteCell).join(',')).join('\r\n') + '\r\n';
}

function quoteCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
