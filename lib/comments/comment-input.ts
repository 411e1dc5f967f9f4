// What a comment may be. Pure: shared by the route, the form and the tests.
import sanitizeHtml from 'sanitize-html';
import { z } from 'zod';
import { COMMENT_MAX, COMMENT_MIN, commentTooLongMessage, DISCLOSURE_MAX } from './comment-limits';

/** Plain text only: any markup is removed (the page shows comments as text, never as HTML). */
export function stripMarkup(value: string): string {
  return sanitizeHtml(value, { allowedTags: [], allowedAttributes: {}, disallowedTagsMode: 'discard' })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/\r\n?/g, '\n')
    .trim();
}

const lengthOf = (input: unknown) => (typeof input === 'string' ? input.length : 0);

export const commentInput = z.object({
  doi: z.string().trim().min(3).max(300),
  body: z
    .string()
    // Before stripping: sanitize-html takes about a second over 2 MB of "<", so a huge body is
    // refused on its length first (markup that is removed never makes a real comment 2× longer).
    .max(2 * COMMENT_MAX, { error: (issue) => commentTooLongMessage(lengthOf(issue.input)) })
    .transform(stripMarkup)
    .pipe(
      z
        .string()
        .min(COMMENT_MIN, `Please write at least ${COMMENT_MIN} characters.`)
        // Refused whole, never cut: the reader is told how much to shorten it.
        .max(COMMENT_MAX, { error: (issue) => commentTooLongMessage(lengthOf(issue.input)) }),
    ),
  disclosure: z
    .string()
    .max(2 * DISCLOSURE_MAX, `Please keep the disclosure under ${DISCLOSURE_MAX} characters.`)
    .transform(stripMarkup)
    .pipe(
      z
        .string()
        .min(1, 'Please state any conflict of interest, or write "None".')
        .max(DISCLOSURE_MAX, `Please keep the disclosure under ${DISCLOSURE_MAX} characters.`),
    ),
});
export type CommentInput = z.infer<typeof commentInput>;
