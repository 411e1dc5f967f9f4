// The shapes the PDF typesetter works with: stored article HTML becomes blocks of styled runs.

/** A stretch of text in one style. `script` raises or lowers it; citations are raised and small. */
export type Run = {
  text: string;
  isBold?: boolean;
  isItalic?: boolean;
  script?: 'sup' | 'sub';
  /** a reference number cited in the text: drawn as a superscript, with no space before it */
  isCitation?: boolean;
};

export type TableCell = {
  runs: Run[];
  isHeader: boolean;
  colspan: number;
  rowspan: number;
  align?: 'left' | 'center' | 'right';
};

export type Block =
  | { kind: 'heading'; level: number; runs: Run[] }
  | { kind: 'paragraph'; runs: Run[]; marker?: string; depth?: number; isSmall?: boolean }
  | { kind: 'formula'; runs: Run[]; label: string }
  | { kind: 'table'; id: string | null; caption: Run[]; rows: TableCell[][]; notes: Run[][] }
  | { kind: 'figure'; id: string | null; caption: Run[] }
  | { kind: 'reference'; label: string; runs: Run[] };

/** The text of runs, for places that only need plain text (captions' labels, tests). */
export function runsText(runs: Run[]): string {
  return runs
    .map((r) => r.text)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
