import 'server-only';
import { db } from '@/lib/db';
import { hashInstitutionToken } from './institution-session-cookie';

/**
 * The institution whose sign-in (SAML) this browser's token opens at `at`, or null (no token, an
 * unknown or ended one, or the database away: then the reader's address decides, as without it).
 * No query without a well-formed token.
 */
export async function institutionOfSession(token: string | null | undefined, at: Date): Promise<string | null> {
  const tokenHash = hashInstitutionToken(token);
  if (!tokenHash) return null;
  try {
    const session = await db.institutionSession.findFirst({
      where: { tokenHash, expiresAt: { gt: at } },
      select: { institutionId: true },
    });
    return session?.institutionId ?? null;
  } catch {
    return null;
  }
}
