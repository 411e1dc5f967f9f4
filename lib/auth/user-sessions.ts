import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/generated/prisma/client';

/** How long a session cookie lives; a session unseen for that long has ended by itself. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

const BROWSERS: [string, RegExp][] = [
  ['Edge', /Edg\//],
  ['Opera', /OPR\//],
  ['Firefox', /Firefox\//],
  ['Chrome', /Chrom(e|ium)\//],
  ['Safari', /Safari\//],
];
const SYSTEMS: [string, RegExp][] = [
  ['Android', /Android/],
  ['iOS', /iPhone|iPad|iPod/],
  ['Windows', /Windows/],
  ['macOS', /Mac OS X|Macintosh/],
  ['ChromeOS', /CrOS/],
  ['Linux', /Linux/],
];

/** "Firefox on Windows": enough for a person to recognise their own browsers, nothing more. */
export function summarizeUserAgent(userAgent: string | null | undefined): string {
  const ua = userAgent ?? '';
  const browser = BROWSERS.find(([, re]) => re.test(ua))?.[0] ?? 'A browser';
  const os = SYSTEMS.find(([, re]) => re.test(ua))?.[0];
  return os ? `${browser} on ${os}` : browser;
}

/**
 * Opens a server-side session row for a sign-in and returns its id (it goes into the session
 * cookie). Also forgets this user's ended sessions, so the table stays small.
 */
export async function createUserSession(userId: string, userAgent: string | null, now = new Date()): Promise<string> {
  const staleBefore = new Date(now.getTime() - SESSION_MAX_AGE_SECONDS * 1000);
  const [, session] = await db.$transaction([
    db.userSession.deleteMany({
      where: { userId, OR: [{ revokedAt: { not: null } }, { lastSeenAt: { lt: staleBefore } }] },
    }),
    db.userSession.create({
      data: { userId, userAgent: summarizeUserAgent(userAgent), createdAt: now, lastSeenAt: now },
    }),
  ]);
  return session.id;
}

/** Ends one session (sign-out). */
export async function revokeUserSession(sessionId: string, now = new Date()): Promise<void> {
  await db.userSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

/**
 * Ends every session of the user, or every one but `exceptSessionId` (the browser that asked).
 * `client` lets it run in the transaction of the change that ends the sessions.
 */
export async function revokeUserSessions(
  userId: string,
  {
    exceptSessionId,
    now = new Date(),
    client = db,
  }: { exceptSessionId?: string; now?: Date; client?: Prisma.TransactionClient } = {},
): Promise<void> {
  await client.userSession.updateMany({
    where: { userId, revokedAt: null, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
    data: { revokedAt: now },
  });
}

export type ActiveSession = { id: string; userAgent: string; createdAt: Date; lastSeenAt: Date };

/** The user's sessions that still work, most recently used first (for the account page). */
export async function listActiveSessions(userId: string, now = new Date()): Promise<ActiveSession[]> {
  return db.userSession.findMany({
    where: { userId, revokedAt: null, lastSeenAt: { gte: new Date(now.getTime() - SESSION_MAX_AGE_SECONDS * 1000) } },
    select: { id: true, userAgent: true, createdAt: true, lastSeenAt: true },
    orderBy: { lastSeenAt: 'desc' },
    take: 20,
  });
}
