// Who is signed in, as the header shows it: GET /api/me answers this shape and the header's
// account links (components/account/account-nav.tsx) read it through the same schema. Pages that
// are rendered per request put it in the header themselves; only pages cached for everyone ask.
import { z } from 'zod';
import '@/lib/zod-without-eval';

export const accountSummarySchema = z
  .object({ name: z.string(), role: z.enum(['reader', 'admin']), isLibrarian: z.boolean().optional() })
  .nullable();
export type AccountSummary = z.infer<typeof accountSummarySchema>;

/** The header's view of a signed-in user (or null). */
export function summarizeAccount(
  user: { name: string; role: 'reader' | 'admin'; isLibrarian?: boolean } | null,
): AccountSummary {
  return user ? { name: user.name, role: user.role, isLibrarian: user.isLibrarian ?? false } : null;
}
