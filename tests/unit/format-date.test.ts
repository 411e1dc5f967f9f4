import { describe, expect, it } from 'vitest';
import {
  JOURNAL_TIME_ZONE,
  MONTH_NAMES,
  formatDate,
  formatDateTime,
  formatIsoDate,
  formatTime,
  monthName,
} from '@/lib/format-date';

describe('formatDate and friends (one formatter, in the journal’s stated zone)', () => {
  const moment = new Date('2026-12-01T14:05:09Z');

  it('writes dates in words and times with their zone named', () => {
    expect(JOURNAL_TIME_ZONE).toBe('UTC');
    expect(formatDate(moment)).toBe('1 December 2026');
    expect(formatTime(moment)).toBe('14:05 UTC');
    expect(formatDateTime(moment)).toBe('1 December 2026, 14:05 UTC');
    expect(formatIsoDate(moment)).toBe('2026-12-01');
  });

  it('keeps to the journal’s zone whatever the server’s, and names another zone when asked', () => {
    const lateEvening = new Date('2028-12-31T23:59:59Z');
    expect(formatDate(lateEvening)).toBe('31 December 2028');
    expect(formatIsoDate(lateEvening)).toBe('2028-12-31');
    expect(formatTime(new Date('2026-12-01T00:00:00Z'))).toBe('00:00 UTC');
    expect(formatIsoDate(lateEvening, 'Asia/Tokyo')).toBe('2029-01-01');
    expect(formatTime(moment, 'America/New_York')).toMatch(/^09:05 (EST|UTC-5|GMT-5)$/);
  });

  it('names the months', () => {
    expect(monthName(3)).toBe('March');
    expect(MONTH_NAMES).toHaveLength(12);
    expect([MONTH_NAMES[0], MONTH_NAMES[11]]).toEqual(['January', 'December']);
  });
});
