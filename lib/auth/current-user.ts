import 'server-only';
import { cache } from 'react';
import { redirect } from 'next/navigation';
import { db } from '@/lib/db';
import { readSessionClaims } from './read-session-claims';
import { SESSION_MAX_AGE_SECONDS } from './user-sessions';

export type CurrentUser = {
  id: string;
  name: string;
  email: string;
  role: 'reader' | 'admin';
  emailVerified: boolean;
  /**
   * Administers at least one institution (lib/librarian): the header links to the librarian portal.
   * Absent counts as no; the portal itself checks the assignment on every request.
   */
  isLibrarian?: boolean;
  /** The IANA zone the reader chose for their times (lib/time-zone); null or absent: none chosen. */
  timeZone?: string | null;
  /** This browser's session (UserSession row): a password change keeps it and ends the others. */
  sessionId: string;
};

const SEEN_EVERY_MS = 60 * 60 * 1000;

type SessionRow = {
  userId: string;
  revokedAt: Date | null;
  lastSeenAt: Date;
  name: string;
  email: string;
  role: 'reader' | 'admin';
  emailVerifiedAt: Date | null;
  disabledAt: Date | null;
  isLibrarian: boolean;
  timeZone: string | null;
};

/**
 * The signed-in user, read once per request: the one check every page, action and API route
 * goes through. The cookie only names a session row; the row and the user come from the
 * database in one query, so a revoked session (sign-out, "sign out of all devices", a password
 * change or reset) or a disabled account ends at once, and a forged role is never believed.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const claims = await readSessionClaims();
  if (!claims) return null;
  // One statement for the session row and its user (a nested Prisma select would be two).
  const [row] = await db.$queryRaw<SessionRow[]>`
    SELECT s."userId", s."revokedAt", s."lastSeenAt", u."name", u."email", u."role"::text AS "role",
           u."emailVerifiedAt", u."disabledAt", u."timeZone",
           EXISTS (SELECT 1 FROM "InstitutionLibrarian" l WHERE l."userId" = u."id") AS "isLibrarian"
    FROM "UserSession" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${claims.sessionId}`;
  const now = Date.now();
  if (!row || row.revokedAt || row.userId !== claims.userId || row.disabledAt) return null;
  if (row.lastSeenAt.getTime() < now - SESSION_MAX_AGE_SECONDS * 1000) return null;
  // Hourly at most, so the account page can say when a browser was last used without a write per request.
  if (row.lastSeenAt.getTime() < now - SEEN_EVERY_MS)
    await db.userSession.update({ where: { id: claims.sessionId }, data: { lastSeenAt: new Date(now) } });
  return {
    id: row.userId,
    name: row.name,
    email: row.email,
    role: row.role,
    emailVerified: Boolean(row.emailVerifiedAt),
    isLibrarian: row.isLibrarian,
    timeZone: row.timeZone,
    sessionId: claims.sessionId,
  };
});

/** For pages: the signed-in user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
