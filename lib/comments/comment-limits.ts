// Comment length limits and what a reader is told about them, shared by the form (client) and
// the validation (server). Pure.
export const COMMENT_MIN = 10;
export const COMMENT_MAX = 4000;
export const DISCLOSURE_MAX = 500;
/** From here on the counter is announced to screen readers (politely, after typing pauses). */
export const COMMENT_NEAR_MAX = 3600;

const count = new Intl.NumberFormat('en-US');

/** "3,812 of 4,000 characters" (the live counter under the comment box). */
export function formatCommentCount(length: number): string {
  return `${count.format(length)} of ${count.format(COMMENT_MAX)} characters`;
}

/** The refusal for a comment over the limit: how long it is and how much to cut. Nothing is cut for the reader. */
export function commentTooLongMessage(length: number): string {
  return `Your comment is ${count.format(length)} characters; the limit is ${count.format(COMMENT_MAX)}. Please shorten it by ${count.format(length - COMMENT_MAX)} characters and submit again.`;
}
