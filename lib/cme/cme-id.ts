import { z } from 'zod';

/** Ids of activities and attempts as they appear in URLs and forms (cuids). */
export const cmeIdSchema = z.string().regex(/^[a-z0-9]{1,64}$/, 'Not a valid id.');

/** The id from a route segment, or null when it cannot be one. */
export function parseCmeId(value: string): string | null {
  return cmeIdSchema.safeParse(value).success ? value : null;
}
