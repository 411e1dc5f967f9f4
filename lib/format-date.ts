// The one way dates and times are written for people, with Intl. A time is always written in a
// zone the caller names and with that zone named beside it ("14:05 UTC", "09:05 GMT-5"): on a
// page for one reader, their zone (lib/time-zone/get-reader-time-zone.ts); on a page shared by
// many readers, or where no reader asks (emails, jobs), the journal's. Calendar dates that are the
// journal's business (publication, certificates, subscription terms) are the journal zone's, the
// default. Also the ISO calendar date, where a machine-readable date belongs (CSV, metadata, form
// values). Pure: server and browser code use it.

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

/** "14:05 UTC": 24-hour time in `timeZone`, with the zone named (no default: whose zone is a decision). */
export function formatTime(date: Date, timeZone: string): string {
  return formatter('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
    timeZoneName: 'short',
  }).format(date);
}

/** "1 December 2026, 14:05 UTC": the date and time in `timeZone`, with the zone named. */
export function formatDateTime(date: Date, timeZone: string): string {
  return `${formatDate(date, timeZone)}, ${formatTime(date, timeZone)}`;
}

/** "GMT-5", "GMT+5:30", "GMT": how far `timeZone` is from UTC at `date` (a zone picker's labels). */
export function formatUtcOffset(date: Date, timeZone: string): string {
  return (
    formatter('en-GB', { timeZone, timeZoneName: 'shortOffset' })
      .formatToParts(date)
      .find((part) => part.type === 'timeZoneName')?.value ?? timeZone
  );
}

/** "2026-12-01": the calendar date in the journal's zone. */
export function formatIsoDate(date: Date, timeZone = JOURNAL_TIME_ZONE): string {
  return formatter('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(date);
}

/** "March" for 3: the name of a month numbered 1–12 (dates given only in parts, as JATS gives them). */
export function monthName(month: number): string {
  return formatter('en-US', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, month - 1, 1));
}

/**
 * "December 2011" for "2011-12", "2011" for "2011", "5 December 2011" for "2011-12-05": an ISO 8601
 * date given only to the precision known (as KBART and JATS give them), in words.
 */
export function formatPartialIsoDate(iso: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!match) return iso;
  const [, year = iso, month, day] = match;
  if (!month) return year;
  return day ? formatDate(new Date(`${iso}T00:00:00Z`), 'UTC') : `${monthName(Number(month))} ${year}`;
}

/** The twelve month names, January first (for a month picker). */
export const MONTH_NAMES: readonly string[] = Array.from({ length: 12 }, (_, i) => monthName(i + 1));
