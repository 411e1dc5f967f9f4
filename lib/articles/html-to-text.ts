// Plain-text paragraphs from our stored, sanitized article HTML (for the PDF and plain exports).
import sanitizeHtml from 'sanitize-html';
import { decodeEntities } from './decode-entities';
import { replaceMathWithText } from './mathml-to-text';

const BLOCK_END = /<\/(p|h[1-6]|li|figcaption|caption|tr|blockquote|div|section)>/gi;

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
