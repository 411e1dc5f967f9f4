import 'server-only';
import { cookies } from 'next/headers';
import { forbidden } from 'next/navigation';
import { getCurrentUser, requireUser, type CurrentUser } from '@/lib/auth/current-user';
import {
  listLibrarianInstitutions,
  pickInstitution,
  PORTAL_INSTITUTION_COOKIE,
  type LibrarianInstitution,
} from './librarian-institutions';

export type Librarian = {
  user: CurrentUser;
  /** The one institution every read and change of this request is scoped to. */
  institution: LibrarianInstitution;
  /** Every institution the user administers (more than one: the portal offers a switch). */
  institutions: LibrarianInstitution[];
};

/**
 * The signed-in librarian and the institution they are working on, or null (anonymous, or not a
 * librarian of any institution). For route handlers and server actions, which answer 401/403
 * themselves. Read from the database on every call: removing a librarian ends their access at once.
 */
export async function getLibrarian(): Promise<Librarian | null> {
  const user = await getCurrentUser();
  if (!user) return null;
  return librarianFor(user);
}

async function librarianFor(user: CurrentUser): Promise<Librarian | null> {
  const institutions = await listLibrarianInstitutions(user.id);
  const chosen = (await cookies()).get(PORTAL_INSTITUTION_COOKIE)?.value;
  const institution = pickInstitution(institutions, chosen);
  return institution ? { user, institution, institutions } : null;
}

/**
 * For librarian pages and the layout: anonymous → sign-in (coming back to `returnTo`), signed
 * in but a librarian of no institution → 403. Our own admins are not librarians by role: an admin
 * assigns themself in /admin/institutions to see an institution's portal.
 */
export async function requireLibrarian(returnTo = '/librarian'): Promise<Librarian> {
  const user = await requireUser(returnTo);
  const librarian = await librarianFor(user);
  if (!librarian) forbidden();
  return librarian;
}
