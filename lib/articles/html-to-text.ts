// Plain-text paragraphs from our stored, sanitized article HTML (for the PDF and plain exports).
import { decodeEntities } from './decode-entities';
import { replaceMathWithText } from './mathml-to-text';

const BLOCK_END = /<\/(p|h[1-6]|li|figcaption|caption|tr|blockquote|div|section)>/gi;

// Our stored HTML was written by sanitize-html, which writes every "<" and ">" of text and of
// attribute values as an entity and keeps no comments, scripts or styles: what is left between
// angle brackets is a tag. Stripping them so is what sanitizing again with no tags allowed gave,
// without a parser per paragraph (the garbage of 30,000 parses made an OAI harvest of 5,000
// records grow the heap by 120 MB).
const TAG = /<[^>]*>/g;

// Page controls inside figures ("Download slide") are not article text.
const PAGE_CONTROLS = /<p class="figure-actions">.*?<\/p>/g;

/** Formulas come out as readable text (mathml-to-text.ts), never their TeX annotation. */
export function htmlToParagraphs(html: string): string[] {
  return replaceMathWithText(html)
    .replace(PAGE_CONTROLS, '')
    .replace(/<\/t[dh]>/gi, ' $&') // cells of a row stay apart as words
    .split(BLOCK_END)
    .filter((_, i) => i % 2 === 0) // split() keeps the captured tag names at odd indexes
    .map((block) => decodeEntities(block.replace(TAG, '')).replace(/\s+/g, ' ').trim())
    .filter((text) => text.length > 0);
}
