// ts_headline marks matches with two control characters (never in our stored text); this turns
// its output into parts a component renders as text and <mark>, so no HTML is ever injected.
import { decodeEntities } from '@/lib/articles/decode-entities';

export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

export type SnippetPart = { text: string; isMatch: boolean };

export function parseSnippet(headline: string | null): SnippetPart[] {
  if (!headline) return [];
  const parts: SnippetPart[] = [];
  for (const [i, piece] of headline.split(new RegExp(`[${MATCH_START}${MATCH_END}]`)).entries()) {
    const text = decodeEntities(piece).replace(/\s+/g, ' ');
    if (text) parts.push({ text, isMatch: i % 2 === 1 });
  }
  const first = parts[0];
  const last = parts.at(-1);
  if (first) first.text = first.text.trimStart();
  if (last) last.text = last.text.trimEnd();
  return parts.filter((p) => p.text);
}

/** The snippet as plain text. */
export function snippetText(parts: SnippetPart[]): string {
  return parts.map((p) => p.text).join('');
}
