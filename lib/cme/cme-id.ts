import { z } from 'zod';

/**
 * The shape of a CME row's id (activity, attempt) in a URL or form: Prisma's cuid(), lowercase
 * letters and digits. Checked before any query, so a malformed id is a 404 or 422, never a
 * database error; it says nothing about whether such a row exists. (Certificate ids are another
 * format, "CME-XXXX-XXXX-XXXX".)
 */
export const cmeIdSchema = z.string().regex(/^[a-z0-9]{1,64}$/, 'Not a valid id.');

/** The id from a route segment, or null when it cannot be one. */
export function parseCmeId(value: string): string | null {
  return cmeIdSchema.safeParse(value).success ? value : null;
}
