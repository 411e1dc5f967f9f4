// Plain-text paragraphs from our stored, sanitized article HTML (for the PDF and plain exports).
import sanitizeHtml from 'sanitize-html';
import { replaceMathWithText } from './mathml-to-text';

const BLOCK_END = /<\/(p|h[1-6]|li|figcaption|caption|tr|blockquote|div|section)>/gi;

export function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(parseInt(dec, 10)))
    .replace(/&nbsp;/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

// Page controls inside figures ("Download slide") are not article text.
const PAGE_CONTROLS = /<p class="figure-actions">.*?<\/p>/g;

/** Formulas come out as readable text (mathml-to-text.ts), never their TeX annotation. */
export function htmlToParagraphs(html: string): string[] {
  return replaceMathWithText(html)
    .replace(PAGE_CONTROLS, '')
    .replace(/<\/t[dh]>/gi, ' $&') // cells of a row stay apart as words
    .split(BLOCK_END)
    .filter((_, i) => i % 2 === 0) // split() keeps the captured tag names at odd indexes
    .map((block) =>
      decodeEntities(sanitizeHtml(block, { allowedTags: [], allowedAttributes: {} }))
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((text) => text.length > 0);
}
