import 'server-only';

// Characters the standard fonts (WinAnsi) lack, spelled the way a typesetter without them would.
const REPLACEMENTS: Record<string, string> = {
  '≥': '>=',
  '≤': '<=',
  '≠': '!=',
  '≈': '~',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '―': '-',
  '∶': ':',
  '′': "'",
  '″': '"',
  '→': '->',
  '←': '<-',
  '↑': 'up',
  '↓': 'down',
  '√': 'sqrt',
  '∞': 'infinity',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u202f': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u200b': '',
  '\u00ad': '',
  μ: 'µ',
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'epsilon',
  κ: 'kappa',
  λ: 'lambda',
  π: 'pi',
  σ: 'sigma',
  τ: 'tau',
  χ: 'chi',
  ω: 'omega',
  Δ: 'Delta',
  Σ: 'Sigma',
  Ω: 'Omega',
};

/**
 * Returns `text` using only code points in `supported` (a standard font's character set):
 * known symbols get ASCII spellings, accented letters lose marks they cannot show, anything else
 * becomes "?". Never throws, so any article text can be drawn.
 */
export function toDrawableText(text: string, supported: ReadonlySet<number>): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0) ?? 0;
    if (supported.has(code)) {
      out += char;
      continue;
    }
    if (char === '\t' || char === '\n' || char === '\r') {
      out += ' ';
      continue;
    }
    const replacement = REPLACEMENTS[char];
    if (replacement !== undefined) {
      out += [...replacement].every((c) => supported.has(c.codePointAt(0) ?? 0)) ? replacement : '?';
      continue;
    }
    // e.g. "ő" -> "o": drop the combining marks the font has no glyphs for.
    const stripped = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    const isDrawable = stripped.length > 0 && [...stripped].every((c) => supported.has(c.codePointAt(0) ?? 0));
    out += isDrawable ? stripped : '?';
  }
  return out;
}
