// The one way dates and times are written for people, with Intl, in the journal's time zone, which
// is named beside every time shown ("14:05 UTC"): the server is the only clock, and a page shared
// by many readers cannot know each one's zone. Also the ISO calendar date, where a compact or
// machine-readable date belongs (CSV, metadata, table cells). Pure: server and browser code use it.

/** The zone the journal keeps its dates and times in. */
export const JOURNAL_TIME_ZONE = 'UTC';

const formats = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

/** "1 December 2026" */
export function formatDate(date: Date, timeZone = JOURNAL_TIME_ZONE): string {
  return formatter('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(date);
}

/** "14:05 UTC": 24-hour time with its zone named. */
export function formatTime(date: Date, timeZone = JOURNAL_TIME_ZONE): string {
  return formatter('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
    timeZoneName: 'short',
  }).format(date);
}

/** "1 December 2026, 14:05 UTC" */
export function formatDateTime(date: Date, timeZone = JOURNAL_TIME_ZONE): string {
  return `${formatDate(date, timeZone)}, ${formatTime(date, timeZone)}`;
}

/** "2026-12-01": the calendar date in the journal's zone. */
export function formatIsoDate(date: Date, timeZone = JOURNAL_TIME_ZONE): string {
  return formatter('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(date);
}

/** "March" for 3: the name of a month numbered 1–12 (dates given only in parts, as JATS gives them). */
export function monthName(month: number): string {
  return formatter('en-US', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, month - 1, 1));
}

/** The twelve month names, January first (for a month picker). */
export const MONTH_NAMES: readonly string[] = Array.from({ length: 12 }, (_, i) => monthName(i + 1));
