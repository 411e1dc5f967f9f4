import 'server-only';
import { db } from '@/lib/db';

export type SignInInstitution = { id: string; name: string; scopes: string[] };

/**
 * Institutions a reader can sign in through (those with an identity provider), for discovery:
 * `query` matches words of the name, or a scope (the domain of the reader's email, as
 * SeamlessAccess matches), case-insensitively.
 */
export async function listSignInInstitutions(query = ''): Promise<SignInInstitution[]> {
  const rows = await db.institutionIdp.findMany({
    select: { scopes: true, institution: { select: { id: true, name: true, activeUntil: true } } },
  });
  const now = Date.now();
  const words = query
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  return rows
    .filter((r) => r.institution.activeUntil === null || r.institution.activeUntil.getTime() > now)
    .map((r) => ({ id: r.institution.id, name: r.institution.name, scopes: r.scopes }))
    .filter((i) => {
      const haystack = [i.name, ...i.scopes].join(' ').toLowerCase();
      return words.every((w) => haystack.includes(w.replace(/^.*@/, '')));
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
