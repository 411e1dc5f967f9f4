// What every refused API request answers (lib/http/error-response.ts builds it), and how the
// components that call those routes read it: one schema for both sides.
import { z } from 'zod';

export const errorReplySchema = z.object({
  error: z.string(),
  code: z.string(),
  /** A 422's fields, each with its own message (a form names them by their labels). */
  issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type ErrorReply = z.infer<typeof errorReplySchema>;

/** The message of a refusal's body, or `fallback` when the body is not one (a proxy's page, nothing). */
export function errorMessageOf(body: unknown, fallback: string): string {
  const reply = errorReplySchema.safeParse(body);
  return reply.success ? reply.data.error : fallback;
}
