import { describe, expect, it } from 'vitest';
import { formatCredits, listCreditSteps } from '@/lib/cme/format-credits';
import { parseCreditClaim } from '@/lib/cme/parse-credit-claim';
import { formatTranscriptCsv } from '@/lib/cme/format-transcript-csv';
import { summarizeTranscript } from '@/lib/cme/summarize-transcript';

describe('parseCreditClaim', () => {
  it('accepts steps of 0.25 up to the maximum', () => {
    expect(parseCreditClaim('0.25', 4)).toBe(1);
    expect(parseCreditClaim('0.75', 4)).toBe(3);
    expect(parseCreditClaim('.5', 4)).toBe(2);
    expect(parseCreditClaim('1', 4)).toBe(4);
    expect(parseCreditClaim('1.00', 4)).toBe(4);
  });

  it('refuses zero, more than the maximum, other steps and non-numbers', () => {
    expect(() => parseCreditClaim('0', 4)).toThrow(/at least 0.25/);
    expect(() => parseCreditClaim('1.25', 4)).toThrow(/at most 1 credit/);
    expect(() => parseCreditClaim('0.3', 4)).toThrow(/steps of 0.25/);
    expect(() => parseCreditClaim('0.125', 4)).toThrow(/steps of 0.25/);
    expect(() => parseCreditClaim('-0.25', 4)).toThrow(/number/);
    expect(() => parseCreditClaim('1e0', 4)).toThrow(/number/);
  });
});

describe('credit formatting', () => {
  it('writes quarter credits as people do', () => {
    expect(formatCredits(3)).toBe('0.75');
    expect(formatCredits(4)).toBe('1');
    expect(listCreditSteps(4)).toEqual(['0.25', '0.5', '0.75', '1']);
  });
});

describe('transcript', () => {
  const entry = (date: string, quarters: number, title = 'Course') => ({
    completedAt: new Date(date),
    activityTitle: title,
    creditType: 'AMA PRA Category 1 Credit™',
    creditQuarters: quarters,
    certificateId: 'CME-AAAA-BBBB-CCCC',
  });

  it('totals credits per UTC year, newest first', () => {
    const years = summarizeTranscript([
      entry('2025-12-31T23:59:59Z', 3),
      entry('2026-01-01T00:00:00Z', 4),
      entry('2026-06-01T00:00:00Z', 1),
    ]);
    expect(years.map((y) => [y.year, formatCredits(y.totalQuarters)])).toEqual([
      [2026, '1.25'],
      [2025, '0.75'],
    ]);
  });

  it('quotes CSV cells and defuses spreadsheet formulas', () => {
    const csv = formatTranscriptCsv(
      [entry('2026-01-02T00:00:00Z', 3, '=HYPERLINK("x"), a "course"')],
      'https://journal.test',
    );
    const [header, row] = csv.trimEnd().split('\r\n');
    expect(header).toBe('Completed,Activity,Credit type,Credits,Certificate ID,Verification URL');
    expect(row).toBe(
      `2026-01-02,"'=HYPERLINK(""x""), a ""course""",AMA PRA Category 1 Credit™,0.75,CME-AAAA-BBBB-CCCC,https://journal.test/cme/certificates/CME-AAAA-BBBB-CCCC`,
    );
  });
});
