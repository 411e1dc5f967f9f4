import { describe, expect, it } from 'vitest';
import { designationStatement } from '@/lib/cme/accreditation';
import { describeCreditAmount, describeCredits } from '@/lib/cme/format-credits';
import { formatDuration } from '@/lib/cme/format-duration';
import { formatDate as formatLongDate } from '@/lib/format-date';
import { parseCreditClaim } from '@/lib/cme/parse-credit-claim';

describe('credit wording', () => {
  it('puts the noun in the right number', () => {
    expect(describeCredits(4)).toBe('1 credit');
    expect(describeCredits(5)).toBe('1.25 credits');
    expect(describeCredits(3)).toBe('0.75 credits');
    expect(describeCredits(8)).toBe('2 credits');
  });

  it('pluralizes the AMA credit type before the trademark sign', () => {
    expect(describeCreditAmount(4, 'AMA PRA Category 1 Credit™')).toBe('1 AMA PRA Category 1 Credit™');
    expect(describeCreditAmount(3, 'AMA PRA Category 1 Credit™')).toBe('0.75 AMA PRA Category 1 Credits™');
    expect(describeCreditAmount(5, 'Contact Hours')).toBe('1.25 Contact Hours');
  });

  it('says the maximum in the refusal with the right noun', () => {
    expect(() => parseCreditClaim('2', 4)).toThrow('This activity offers at most 1 credit.');
    expect(() => parseCreditClaim('2', 5)).toThrow('This activity offers at most 1.25 credits.');
  });

  it('designates in the AMA wording', () => {
    expect(designationStatement(4)).toBe(
      'The American Medical Association designates this enduring material for a maximum of 1 AMA PRA Category 1 Credit™. Physicians should claim only the credit commensurate with the extent of their participation in the activity.',
    );
    expect(designationStatement(5)).toContain('a maximum of 1.25 AMA PRA Category 1 Credits™.');
  });
});

describe('dates and durations in words', () => {
  it('writes UTC dates as "1 December 2026"', () => {
    expect(formatLongDate(new Date('2026-12-01T00:30:00Z'))).toBe('1 December 2026');
    // 23:59 UTC is still the 31st, whatever the server's time zone.
    expect(formatLongDate(new Date('2028-12-31T23:59:59Z'))).toBe('31 December 2028');
  });

  it('writes the time to complete', () => {
    expect(formatDuration(60)).toBe('1 hour');
    expect(formatDuration(75)).toBe('1 hour 15 minutes');
    expect(formatDuration(45)).toBe('45 minutes');
    expect(formatDuration(121)).toBe('2 hours 1 minute');
  });
});
