import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { JOURNAL_TIME_ZONE } from '@/lib/format-date';
import { hasReaderCookies } from '@/lib/http/reader-request.mjs';
import {
  canonicalTimeZone,
  decideReaderTimeZone,
  decideReaderTimeZoneWithSource,
  groupTimeZones,
  TIME_ZONE_COOKIE,
  TIME_ZONES,
  timeZonePreferenceSchema,
} from '@/lib/time-zone/time-zones';

describe('which zone a reader’s times are in', () => {
  it('takes the saved preference first, then the browser’s zone, then the journal’s', () => {
    expect(decideReaderTimeZone({ preference: 'Europe/Berlin', browserZone: 'America/New_York' })).toBe(
      'Europe/Berlin',
    );
    expect(decideReaderTimeZone({ preference: null, browserZone: 'America/New_York' })).toBe('America/New_York');
    expect(decideReaderTimeZone({})).toBe(JOURNAL_TIME_ZONE);
    // And says which it was (the account page names it; a journal-zone page is loaded again once the browser tells).
    expect(decideReaderTimeZoneWithSource({ preference: 'Europe/Berlin', browserZone: 'Asia/Tokyo' }).source).toBe(
      'choice',
    );
    expect(decideReaderTimeZoneWithSource({ browserZone: 'Asia/Tokyo' })).toEqual({
      zone: 'Asia/Tokyo',
      source: 'browser',
    });
    expect(decideReaderTimeZoneWithSource({ browserZone: 'Atlantis/Capital' })).toEqual({
      zone: JOURNAL_TIME_ZONE,
      source: 'journal',
    });
  });

  it('ignores a zone nobody knows, wherever it came from (the cookie is the browser’s to forge)', () => {
    for (const junk of [
      'Mars/Olympus_Mons',
      '',
      '../../etc/passwd',
      'America/New_York; x=1',
      '+05:00',
      'x'.repeat(200),
    ]) {
      expect(canonicalTimeZone(junk)).toBeNull();
      expect(decideReaderTimeZone({ browserZone: junk })).toBe(JOURNAL_TIME_ZONE);
    }
    // A stale saved preference does not win over what the browser says.
    expect(decideReaderTimeZone({ preference: 'Atlantis/Capital', browserZone: 'Asia/Tokyo' })).toBe('Asia/Tokyo');
    expect(canonicalTimeZone(42)).toBeNull();
  });

  it('accepts another spelling of a known zone, and answers in the server’s', () => {
    expect(canonicalTimeZone('Etc/UTC')).toBe('UTC');
    expect(canonicalTimeZone('america/new_york')).toBe('America/New_York');
    // Browsers and servers spell India's zone either way; both are one zone here.
    expect(canonicalTimeZone('Asia/Kolkata')).toBe(canonicalTimeZone('Asia/Calcutta'));
    expect(TIME_ZONES).toContain(canonicalTimeZone('Asia/Kolkata'));
  });

  it('never sends a reader to the per-reader article page, so the shared page and its caches ignore it', () => {
    expect(hasReaderCookies(`${TIME_ZONE_COOKIE}=America/New_York`)).toBe(false);
    expect(hasReaderCookies(`a=1; ${TIME_ZONE_COOKIE}=Europe/Berlin`)).toBe(false);
  });
});

describe('the account form’s time zone field', () => {
  const parse = (timeZone: string) => timeZonePreferenceSchema.safeParse({ timeZone });

  it('stores a listed zone, or nothing for “Automatic”', () => {
    expect(parse('America/New_York')).toEqual({ success: true, data: { timeZone: 'America/New_York' } });
    expect(parse(' UTC ')).toEqual({ success: true, data: { timeZone: 'UTC' } });
    expect(parse('')).toEqual({ success: true, data: { timeZone: null } });
  });

  it('refuses a zone not on the list, in words', () => {
    const result = parse('Mars/Olympus_Mons');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Choose a time zone from the list.');
  });

  it('offers every known zone by region, with its offset', () => {
    const groups = groupTimeZones(new Date('2026-12-01T12:00:00Z'));
    const offered = groups.flatMap((g) => g.zones.map((z) => z.value));
    expect(offered).toEqual(TIME_ZONES.filter((z) => z !== JOURNAL_TIME_ZONE));
    const america = groups.find((g) => g.region === 'America')!;
    expect(america.zones).toContainEqual({ value: 'America/New_York', label: 'New York (GMT-5)' });
    expect(america.zones).toContainEqual({
      value: 'America/North_Dakota/New_Salem',
      label: 'North Dakota / New Salem (GMT-6)',
    });
  });
});

describe('the script that tells the server the browser’s zone', () => {
  const script = fs.readFileSync(path.join(import.meta.dirname, '../../public/time-zone.js'), 'utf8');

  /** Runs /time-zone.js in a browser stand-in whose zone is `zone`: the cookie it wrote, if any. */
  function run(zone: string, cookie = '', protocol = 'http:'): string | null {
    let written: string | null = null;
    const document = {
      get cookie() {
        return cookie;
      },
      set cookie(value: string) {
        written = value;
      },
    };
    const Intl = { DateTimeFormat: () => ({ resolvedOptions: () => ({ timeZone: zone }) }) };
    vm.runInNewContext(script, { document, Intl, location: { protocol } });
    return written;
  }

  it('remembers the zone for a year, under the name the server reads', () => {
    expect(run('America/New_York')).toBe(
      `${TIME_ZONE_COOKIE}=America/New_York; path=/; max-age=31536000; samesite=lax`,
    );
    expect(run('Europe/Berlin', '', 'https:')).toMatch(/; secure$/);
  });

  it('writes nothing when the cookie already says so, or the zone is not a plain name', () => {
    expect(run('America/New_York', `a=1; ${TIME_ZONE_COOKIE}=America/New_York`)).toBeNull();
    expect(run('Asia/Tokyo', `${TIME_ZONE_COOKIE}=America/New_York`)).toContain('=Asia/Tokyo;');
    expect(run('Evil; domain=example.com')).toBeNull();
    expect(run('')).toBeNull();
  });

  /**
   * Runs the script on a page whose times were written in the journal's zone (it carries the
   * marker) with a cookie jar that keeps what is written unless `refuses`: whether it reloaded.
   */
  function reloads(zone: string, { refuses = false, marked = true, cookie = '' } = {}): boolean {
    let reloaded = false;
    const document = {
      readyState: 'complete',
      get cookie() {
        return cookie;
      },
      set cookie(value: string) {
        if (!refuses) cookie = value.split(';')[0]!;
      },
      querySelector: (selector: string) => (marked && selector === '[data-time-zone-fallback]' ? {} : null),
    };
    const Intl = { DateTimeFormat: () => ({ resolvedOptions: () => ({ timeZone: zone }) }) };
    const location = { protocol: 'http:', reload: () => (reloaded = true) };
    vm.runInNewContext(script, { document, Intl, location });
    return reloaded;
  }

  it('loads a page written in the journal’s zone once more, once the server can know the browser’s', () => {
    expect(reloads('America/New_York')).toBe(true);
    expect(reloads('America/New_York', { marked: false })).toBe(false); // no reader times on it
    expect(reloads('America/New_York', { refuses: true })).toBe(false); // cookies off: never a loop
    expect(reloads('America/New_York', { cookie: `${TIME_ZONE_COOKIE}=America/New_York` })).toBe(false);
    expect(reloads('UTC')).toBe(false); // already the journal's zone
  });
});
