import 'server-only';
import { db } from '@/lib/db';

export type LibrarianInstitution = { id: string; name: string };

/** The cookie naming which of several institutions a librarian is working on (only a choice, never a right). */
export const PORTAL_INSTITUTION_COOKIE = 'librarian-institution';

/** The institutions `userId` administers, by name. Empty for everyone who is not a librarian. */
export async function listLibrarianInstitutions(userId: string): Promise<LibrarianInstitution[]> {
  const rows = await db.institutionLibrarian.findMany({
    where: { userId },
    select: { institution: { select: { id: true, name: true } } },
    orderBy: { institution: { name: 'asc' } },
  });
  return rows.map((r) => r.institution);
}

/**
 * The institution the portal works on: the one the cookie names when the user administers it,
 * otherwise the first by name. A cookie naming any other institution is ignored, so the choice
 * can never widen what a librarian reaches.
 */
export function pickInstitution(
  institutions: LibrarianInstitution[],
  chosenId: string | undefined,
): LibrarianInstitution | null {
  return institutions.find((i) => i.id === chosenId) ?? institutions[0] ?? null;
}
