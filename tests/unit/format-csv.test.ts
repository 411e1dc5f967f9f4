import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { formatCsv } from '@/lib/cme/format-csv';

describe('formatCsv', () => {
  const cells = ['plain', 'a, b', 'say "hi"', 'two\nlines', 'cr\ronly', '', ' lead', 'é ü'];

  it('writes RFC 4180: CRLF records, quotes only where a comma, quote or line break needs them', () => {
    expect(formatCsv([['h1', 'h2'], cells])).toBe(
      'h1,h2\r\nplain,"a, b","say ""hi""","two\nlines","cr\ronly",, lead,é ü\r\n',
    );
  });

  it('reads back to the same cells with a standard CSV parser', () => {
    expect(parse(formatCsv([cells]), { relax_column_count: false })).toEqual([cells]);
  });

  it('defuses what a spreadsheet would run as a formula', () => {
    expect(parse(formatCsv([['=1+1', '+A1', '-2', '@SUM(A1)', '\tx']]))).toEqual([
      ["'=1+1", "'+A1", "'-2", "'@SUM(A1)", "'\tx"],
    ]);
  });
});
