import 'server-only';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

/** TSV as the Code of Practice's samples are written: UTF-8 with a byte-order mark, tab-separated. */
export function writeTsv(rows: string[][]): string {
  return '\uFEFF' + stringify(rows, { delimiter: '\t', record_delimiter: '\r\n', quoted_match: /[\t\r\n"]/ });
}

/** An Excel workbook of one sheet; counts as numbers, everything else as text. */
export async function writeXlsx(rows: string[][], sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  const headingRow = rows.findIndex((r, i) => i > 13 && r.length > 0);
  rows.forEach((row, i) => {
    sheet.addRow(
      i > headingRow && headingRow >= 0 ? row.map((c) => (/^\d+$/.test(c) && c.length < 15 ? Number(c) : c)) : row,
    );
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
