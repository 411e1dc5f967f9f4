import 'server-only';
import { type PDFFont } from 'pdf-lib';

export type WrapOptions = {
  font: PDFFont;
  size: number;
  width: number;
  /** width taken from the first line only (a paragraph indent) */
  firstLineIndent?: number;
};

/**
 * Breaks `text` into lines of words that fit `width`. A word wider than a whole line (a long URL or
 * DOI) is cut into pieces, so no line ever overflows its column.
 */
export function wrapWords(text: string, { font, size, width, firstLineIndent = 0 }: WrapOptions): string[][] {
  const measure = (s: string) => font.widthOfTextAtSize(s, size);
  const space = measure(' ');
  const lines: string[][] = [];
  let line: string[] = [];
  let lineWidth = 0;
  const available = () => (lines.length === 0 ? width - firstLineIndent : width);

  for (const word of splitLongWords(text, measure, width - firstLineIndent)) {
    const wordWidth = measure(word);
    const needed = line.length === 0 ? wordWidth : lineWidth + space + wordWidth;
    if (line.length > 0 && needed > available()) {
      lines.push(line);
      line = [word];
      lineWidth = wordWidth;
    } else {
      line.push(word);
      lineWidth = needed;
    }
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

function splitLongWords(text: string, measure: (s: string) => number, width: number): string[] {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  return words.flatMap((word) => {
    if (measure(word) <= width) return [word];
    const pieces: string[] = [];
    let piece = '';
    for (const char of word) {
      if (piece.length > 0 && measure(piece + char) > width) {
        pieces.push(piece);
        piece = '';
      }
      piece += char;
    }
    if (piece.length > 0) pieces.push(piece);
    return pieces;
  });
}
