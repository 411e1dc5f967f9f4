// Which zone a reader's times are written in, decided from what they chose and what their
// browser said; and which zones we accept at all. Pure: the account form, the server helper
// (get-reader-time-zone.ts) and unit tests share it.
import { z } from 'zod';
import { formatUtcOffset, JOURNAL_TIME_ZONE } from '@/lib/format-date';

/**
 * The cookie /time-zone.js sets to the browser's own zone (for readers who chose none). Only
 * per-reader pages read it; the shared article page and its caches never do (see
 * lib/http/reader-request.mjs: it is not a reader cookie).
 */
export const TIME_ZONE_COOKIE = 'time-zone';

/** Every zone a reader may choose: the runtime's IANA zones, and UTC (which that list leaves out). */
export const TIME_ZONES: readonly string[] = [JOURNAL_TIME_ZONE, ...Intl.supportedValuesOf('timeZone')];
const KNOWN = new Set(TIME_ZONES);

// Letters, digits and the few marks IANA names use; anything else is refused before Intl sees it.
const ZONE_SHAPE = /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/;

/**
 * The zone `value` names, in the runtime's canonical spelling ("Asia/Kolkata" → "Asia/Calcutta",
 * "Etc/UTC" → "UTC"), or null when it is no zone we know. A browser and the server may spell one
 * zone differently, so a name counts by the zone it resolves to.
 */
export function canonicalTimeZone(value: unknown): string | null {
  if (typeof value !== 'string' || !ZONE_SHAPE.test(value)) return null;
  const seen = accepted.get(value);
  if (seen) return seen;
  try {
    const zone = new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
    if (!KNOWN.has(zone)) return null;
    accepted.set(value, zone);
    return zone;
  } catch {
    return null; // RangeError: not a zone at all
  }
}
// Names already accepted (a per-request question; only real zone names and their aliases, so bounded).
const accepted = new Map<string, string>();

type ZoneFacts = { preference?: string | null; browserZone?: string | null };

/** Where a reader's zone came from: what they chose, what their browser said, or neither. */
export type ReaderTimeZone = { zone: string; source: 'choice' | 'browser' | 'journal' };

/**
 * The zone for one reader's page: their saved preference, else the zone their browser reported
 * (a cookie, so anyone can send anything: unknown names are ignored), else the journal's.
 */
export function decideReaderTimeZoneWithSource(facts: ZoneFacts): ReaderTimeZone {
  const choice = canonicalTimeZone(facts.preference);
  if (choice) return { zone: choice, source: 'choice' };
  const browser = canonicalTimeZone(facts.browserZone);
  if (browser) return { zone: browser, source: 'browser' };
  return { zone: JOURNAL_TIME_ZONE, source: 'journal' };
}

/** The zone alone (see decideReaderTimeZoneWithSource). */
export function decideReaderTimeZone(facts: ZoneFacts): string {
  return decideReaderTimeZoneWithSource(facts).zone;
}

/** The account form's field: a known zone, or "" for "decide for me" (stored as null). */
export const timeZonePreferenceSchema = z.object({
  timeZone: z
    .string()
    .trim()
    .transform((value, ctx) => {
      if (value === '') return null;
      const zone = canonicalTimeZone(value);
      if (!zone) ctx.addIssue({ code: 'custom', message: 'Choose a time zone from the list.' });
      return zone;
    }),
});

export type TimeZoneGroup = { region: string; zones: { value: string; label: string }[] };

const HOUR_MS = 60 * 60 * 1000;
// ~20 ms to build (400 offsets), the same for an hour: kept for the hour `at` falls in (an offset
// that changes mid-hour shows the old one until the next hour: only a label).
let built: { hour: number; groups: TimeZoneGroup[] } | null = null;

/**
 * The zones to choose from, by region ("America": "New York (GMT-5)", …), each with its offset
 * at `at`. UTC, the journal's own, is offered on its own by the form.
 */
export function groupTimeZones(at: Date): TimeZoneGroup[] {
  const hour = Math.floor(at.getTime() / HOUR_MS);
  if (built?.hour !== hour) built = { hour, groups: buildGroups(at) };
  return built.groups;
}

function buildGroups(at: Date): TimeZoneGroup[] {
  const groups = new Map<string, TimeZoneGroup>();
  for (const zone of TIME_ZONES) {
    const slash = zone.indexOf('/');
    if (slash < 0) continue;
    const region = zone.slice(0, slash);
    const place = zone
      .slice(slash + 1)
      .replaceAll('_', ' ')
      .replaceAll('/', ' / ');
    let group = groups.get(region);
    if (!group) groups.set(region, (group = { region, zones: [] }));
    group.zones.push({ value: zone, label: `${place} (${formatUtcOffset(at, zone)})` });
  }
  return [...groups.values()];
}
