import { describe, expect, it } from 'vitest';
import {
  JOURNAL_TIME_ZONE,
  MONTH_NAMES,
  formatDate,
  formatDateTime,
  formatIsoDate,
  formatPartialIsoDate,
  formatTime,
  formatUtcOffset,
  monthName,
} from '@/lib/format-date';

describe('formatDate and friends (one formatter, in a stated zone)', () => {
  const moment = new Date('2026-12-01T14:05:09Z');

  it('writes dates in words and times with their zone named', () => {
    expect(JOURNAL_TIME_ZONE).toBe('UTC');
    expect(formatDate(moment)).toBe('1 December 2026');
    expect(formatTime(moment, JOURNAL_TIME_ZONE)).toBe('14:05 UTC');
    expect(formatDateTime(moment, JOURNAL_TIME_ZONE)).toBe('1 December 2026, 14:05 UTC');
    expect(formatIsoDate(moment)).toBe('2026-12-01');
  });

  it('keeps to the journal’s zone whatever the server’s, and names another zone when asked', () => {
    const lateEvening = new Date('2028-12-31T23:59:59Z');
    expect(formatDate(lateEvening)).toBe('31 December 2028');
    expect(formatIsoDate(lateEvening)).toBe('2028-12-31');
    expect(formatTime(new Date('2026-12-01T00:00:00Z'), JOURNAL_TIME_ZONE)).toBe('00:00 UTC');
    expect(formatIsoDate(lateEvening, 'Asia/Tokyo')).toBe('2029-01-01');
    expect(formatTime(moment, 'America/New_York')).toMatch(/^09:05 (EST|UTC-5|GMT-5)$/);
    // The reader's date moves with their zone: 23:59 UTC is already 1 January in Tokyo.
    expect(formatDateTime(lateEvening, 'Asia/Tokyo')).toBe('1 January 2029, 08:59 GMT+9');
  });

  it('gives a zone’s offset from UTC at a moment (summer time included)', () => {
    expect(formatUtcOffset(moment, 'America/New_York')).toBe('GMT-5');
    expect(formatUtcOffset(new Date('2026-07-01T12:00:00Z'), 'America/New_York')).toBe('GMT-4');
    expect(formatUtcOffset(moment, 'Asia/Kolkata')).toBe('GMT+5:30');
  });

  it('writes an ISO date known only to the year or month in words', () => {
    expect(formatPartialIsoDate('2011-12')).toBe('December 2011');
    expect(formatPartialIsoDate('2011')).toBe('2011');
    expect(formatPartialIsoDate('2011-12-05')).toBe('5 December 2011');
    expect(formatPartialIsoDate('not a date')).toBe('not a date');
  });

  it('names the months', () => {
    expect(monthName(3)).toBe('March');
    expect(MONTH_NAMES).toHaveLength(12);
    expect([MONTH_NAMES[0], MONTH_NAMES[11]]).toEqual(['January', 'December']);
  });
});
