// Dates as the admin forms and filters send them: whole UTC days (YYYY-MM-DD) and ISO instants.
import { z } from 'zod';

// PostgreSQL stores years far outside this range, but Prisma reads years past 9999 back as an
// invalid Date (an institution saved with year 275760 broke /admin/institutions), and year 0 is
// refused by PostgreSQL with a 500. No journal date is outside it.
const MIN_YEAR = 1900;
const MAX_YEAR = 9999;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

function isInRange(date: Date): boolean {
  const year = date.getUTCFullYear();
  return !Number.isNaN(date.getTime()) && year >= MIN_YEAR && year <= MAX_YEAR;
}

/** "2027-02-28" → that day's UTC midnight; null for anything that is not a real day in range ("2027-02-30"). */
export function parseDay(text: string): Date | null {
  if (!DAY.test(text)) return null;
  const date = new Date(`${text}T00:00:00Z`);
  return isInRange(date) && date.toISOString().startsWith(text) ? date : null;
}

/**
 * A required date: "YYYY-MM-DD" (UTC midnight) or an ISO instant with its offset. Text only:
 * z.coerce.date took `true` as 1970-01-01 and any number as milliseconds.
 */
export function dateInput(message: string) {
  return z
    .string({ error: message })
    .trim()
    .max(40, message)
    .transform((text, ctx) => {
      const date = DAY.test(text) ? parseDay(text) : INSTANT.test(text) ? new Date(text) : null;
      if (date && isInRange(date)) return date;
      ctx.addIssue({ code: 'custom', message: `${message} Use a date from ${MIN_YEAR} to ${MAX_YEAR}.` });
      return z.NEVER;
    });
}

/** An optional YYYY-MM-DD; anything else (including a day that does not exist) is treated as not given. */
export const optionalDay = z
  .string()
  .refine((text) => parseDay(text) !== null)
  .or(z.literal(''))
  .catch('')
  .default('');

/** A Prisma date condition from the start of `from` to the end of `to` (UTC), or undefined for no limit. */
export function dayRange(from: string, to: string): { gte?: Date; lt?: Date } | undefined {
  if (!from && !to) return undefined;
  return {
    ...(from ? { gte: new Date(`${from}T00:00:00Z`) } : {}),
    ...(to ? { lt: new Date(new Date(`${to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
  };
}
