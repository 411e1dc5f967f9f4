import 'server-only';
import { type PDFFont, type PDFPage, rgb, type RGB } from 'pdf-lib';
import type { Run } from './pdf-blocks';
import { toDrawableText } from './to-drawable-text';

/** The standard fonts the PDF uses; Symbol carries Greek and math signs WinAnsi lacks. */
export type Fonts = {
  serif: PDFFont;
  serifBold: PDFFont;
  serifItalic: PDFFont;
  serifBoldItalic: PDFFont;
  sans: PDFFont;
  sansBold: PDFFont;
  sansBoldItalic: PDFFont;
  symbol: PDFFont;
};

export type TextStyle = { family: 'serif' | 'sans'; size: number; color?: RGB; isBold?: boolean; isItalic?: boolean };

/** One piece of a word in one font: "PLA" + lowered "2" are two pieces of the word "PLA2". */
type Piece = { text: string; font: PDFFont; size: number; rise: number; width: number; color: RGB };
export type Word = { pieces: Piece[]; width: number };
export type Line = { words: Word[]; width: number };

const INK = rgb(0.1, 0.1, 0.1);
const SCRIPT_SCALE = 0.68;

export class Typesetter {
  private readonly winAnsi: Set<number>;
  private readonly symbols: Set<number>;

  constructor(readonly fonts: Fonts) {
    this.winAnsi = new Set(fonts.serif.getCharacterSet());
    this.symbols = new Set(fonts.symbol.getCharacterSet());
  }

  fontFor(style: TextStyle, run: Pick<Run, 'isBold' | 'isItalic'> = {}): PDFFont {
    const bold = Boolean(style.isBold || run.isBold);
    const italic = Boolean(style.isItalic) !== Boolean(run.isItalic);
    const f = this.fonts;
    if (style.family === 'sans') return bold && italic ? f.sansBoldItalic : bold ? f.sansBold : f.sans;
    return bold && italic ? f.serifBoldItalic : bold ? f.serifBold : italic ? f.serifItalic : f.serif;
  }

  /** Plain text in one font, respelled where the font lacks a character. */
  clean(text: string): string {
    return toDrawableText(text, this.winAnsi).replace(/\s+/g, ' ').trim();
  }

  /** Runs as words of pieces; characters only the Symbol font has are drawn in it. */
  words(runs: Run[], style: TextStyle): Word[] {
    const words: Word[] = [];
    let current: Piece[] = [];
    const endWord = () => {
      if (current.length > 0) words.push({ pieces: current, width: current.reduce((s, p) => s + p.width, 0) });
      current = [];
    };
    for (const run of runs) {
      const font = this.fontFor(style, run);
      const size = run.script ? style.size * SCRIPT_SCALE : style.size;
      const rise = run.script === 'sup' ? style.size * 0.36 : run.script === 'sub' ? -style.size * 0.16 : 0;
      const color = style.color ?? INK;
      const parts = run.text.split(/(\s+)/);
      parts.forEach((part) => {
        if (part === '') return;
        if (/^\s+$/.test(part)) {
          endWord();
          return;
        }
        for (const [text, isSymbol] of this.splitByFont(part)) {
          const pieceFont = isSymbol ? this.fonts.symbol : font;
          current.push({ text, font: pieceFont, size, rise, color, width: pieceFont.widthOfTextAtSize(text, size) });
        }
      });
    }
    endWord();
    return words;
  }

  private splitByFont(text: string): [string, boolean][] {
    const out: [string, boolean][] = [];
    for (const char of text.normalize('NFC')) {
      const code = char.codePointAt(0) ?? 0;
      const isSymbol = !this.winAnsi.has(code) && this.symbols.has(code);
      const drawable = isSymbol ? char : toDrawableText(char, this.winAnsi);
      const last = out[out.length - 1];
      if (last && last[1] === isSymbol) last[0] += drawable;
      else if (drawable) out.push([drawable, isSymbol]);
    }
    return out;
  }

  spaceWidth(style: TextStyle): number {
    return this.fontFor(style).widthOfTextAtSize(' ', style.size);
  }

  /** Greedy line breaking; a word wider than the line is cut so nothing overflows. */
  wrap(words: Word[], style: TextStyle, width: number, firstIndent = 0): Line[] {
    const space = this.spaceWidth(style);
    const lines: Line[] = [];
    let line: Word[] = [];
    let lineWidth = 0;
    const available = () => (lines.length === 0 ? width - firstIndent : width);
    for (const word of words.flatMap((w) => splitWide(w, width - firstIndent))) {
      const needed = line.length === 0 ? word.width : lineWidth + space + word.width;
      if (line.length > 0 && needed > available()) {
        lines.push({ words: line, width: lineWidth });
        line = [word];
        lineWidth = word.width;
      } else {
        line.push(word);
        lineWidth = needed;
      }
    }
    if (line.length > 0) lines.push({ words: line, width: lineWidth });
    return lines;
  }

  /**
   * Draws a line at (x, y) with plain word spaces: text is set ragged-right, never stretched (a
   * narrow column without hyphenation justifies only by opening rivers between words).
   */
  drawLine(
    page: PDFPage,
    line: Line,
    x: number,
    y: number,
    style: TextStyle,
    options: { width?: number; align?: 'left' | 'center' | 'right' } = {},
  ): void {
    const space = this.spaceWidth(style);
    let cursor = x;
    if (options.width && options.align === 'center') cursor += (options.width - line.width) / 2;
    if (options.width && options.align === 'right') cursor += options.width - line.width;
    // Pieces in one font at one height are drawn together, so a ragged line is a few text runs.
    let pending: Piece | null = null;
    let pendingX = cursor;
    const flush = () => {
      if (pending)
        page.drawText(pending.text, {
          x: pendingX,
          y: y + pending.rise,
          size: pending.size,
          font: pending.font,
          color: pending.color,
        });
      pending = null;
    };
    line.words.forEach((word, wi) => {
      if (wi > 0) {
        if (pending && canJoin(pending, word.pieces[0], true)) pending.text += ' ';
        else flush();
        cursor += space;
      }
      for (const piece of word.pieces) {
        if (pending && canJoin(pending, piece, false)) {
          pending.text += piece.text;
        } else {
          flush();
          pending = { ...piece };
          pendingX = cursor;
        }
        cursor += piece.width;
      }
    });
    flush();
  }
}

function canJoin(a: Piece, b: Piece | undefined, acrossSpace: boolean): boolean {
  if (!b || a.font !== b.font || a.size !== b.size || a.rise !== b.rise || a.color !== b.color) return false;
  // A raised citation stays a text run of its own, apart from the word it follows.
  return !acrossSpace || a.rise === 0;
}

/** Cuts a word wider than the line, after its last hyphen or slash that fits where it has one. */
function splitWide(word: Word, width: number): Word[] {
  if (word.width <= width) return [word];
  const chars = word.pieces.flatMap((piece) =>
    [...piece.text].map((char) => ({ piece, char, width: piece.font.widthOfTextAtSize(char, piece.size) })),
  );
  const out: Word[] = [];
  let start = 0;
  while (start < chars.length) {
    let used = 0;
    let end = start;
    let lastBreak = -1;
    while (end < chars.length && (end === start || used + chars[end]!.width <= width)) {
      used += chars[end]!.width;
      if (/[-/–]/.test(chars[end]!.char)) lastBreak = end + 1;
      end += 1;
    }
    if (end < chars.length && lastBreak > start) end = lastBreak;
    out.push(wordOf(chars.slice(start, end)));
    start = end;
  }
  return out;
}

function wordOf(chars: { piece: Piece; char: string; width: number }[]): Word {
  const pieces: Piece[] = [];
  for (const { piece, char, width } of chars) {
    const last = pieces[pieces.length - 1];
    if (last && last.font === piece.font && last.size === piece.size && last.rise === piece.rise) {
      last.text += char;
      last.width += width;
    } else {
      pieces.push({ ...piece, text: char, width });
    }
  }
  return { pieces, width: pieces.reduce((s, p) => s + p.width, 0) };
}
