// Splits what a reader typed into the part PostgreSQL's websearch_to_tsquery reads (quoted
// phrases, OR, -exclusions) and a last word to match as a prefix, so results follow as they type.

export type TextQuery = {
  /** Given to websearch_to_tsquery('english', …). */
  websearch: string;
  /** A bare last word (letters and digits only, safe for to_tsquery), matched as `word:*`; null when none. */
  prefix: string | null;
};

const LAST_WORD = /(^|\s)([\p{L}\p{N}]+)$/u;

/**
 * The last word is a prefix only when it stands alone: not inside an open quote (a phrase), not
 * negated, not the operator "or", and not right after "or" (that would turn OR into AND).
 */
export function splitTextQuery(typed: string): TextQuery {
  const text = typed.trim();
  const match = LAST_WORD.exec(text);
  if (!match) return { websearch: text, prefix: null };
  const word = match[2]!;
  const before = text.slice(0, text.length - word.length);
  const isInsidePhrase = (before.match(/"/g)?.length ?? 0) % 2 === 1;
  const isAfterOr = /(^|\s)or\s+$/i.test(before);
  if (isInsidePhrase || isAfterOr || word.toLowerCase() === 'or') return { websearch: text, prefix: null };
  return { websearch: before.trim(), prefix: word.toLowerCase() };
}
