import { stringify } from 'csv-stringify/sync';

// A cell a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return first)
// is written with an apostrophe first, so opening a report never runs what a learner typed.
const defuse = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/**
 * RFC 4180 CSV (csv-stringify: CRLF line ends, a cell quoted only when it holds a comma, quote
 * or line break); cells that a spreadsheet would run as a formula are prefixed with an apostrophe.
 */
export function formatCsv(rows: string[][]): string {
  return stringify(
    rows.map((row) => row.map(defuse)),
    // A lone line feed or carriage return is quoted too (the option quotes only a whole CRLF).
    { record_delimiter: 'windows', quoted_match: /[\r\n]/ },
  );
}
