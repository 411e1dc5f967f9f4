import 'server-only';
import { cookies } from 'next/headers';
import { decode } from 'next-auth/jwt';
import { env } from '@/lib/env';

/** What the session cookie says: the user and the UserSession row it names (checked by getCurrentUser). */
export type SessionClaims = { userId: string; sessionId: string };

const REMEMBER_MS = 5 * 60 * 1000;
const REMEMBER_AT_MOST = 5000;
type Remembered = { claims: SessionClaims; until: number };
const remembered = new Map<string, Remembered>();

/** next-auth's session cookie, put back together when it was chunked (`name.0`, `name.1`, …). */
function sessionToken(jar: Awaited<ReturnType<typeof cookies>>): string | null {
  const name = `${env.SITE_URL.startsWith('https://') ? '__Secure-' : ''}next-auth.session-token`;
  const whole = jar.get(name)?.value;
  if (whole) return whole;
  const chunks = jar
    .getAll()
    .filter((c) => c.name.startsWith(`${name}.`))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  return chunks.length > 0 ? chunks.map((c) => c.value).join('') : null;
}

/**
 * The claims of the request's session cookie, or null. next-auth's getServerSession decrypts it too,
 * but in a page or route it also makes a CSRF token and encrypts a renewed cookie that it then
 * throws away (it cannot set cookies there); this only decrypts, and remembers the answer for a
 * cookie it has seen (at most 5 minutes, never past the token's own expiry; bounded). Whether the
 * session still stands is never remembered: getCurrentUser asks the database on every request.
 */
export async function readSessionClaims(): Promise<SessionClaims | null> {
  const token = sessionToken(await cookies());
  if (!token) return null;
  const now = Date.now();
  const known = remembered.get(token);
  if (known && known.until > now) return known.claims;
  if (known) remembered.delete(token);
  const secret = env.NEXTAUTH_SECRET;
  if (!secret) return null;
  let payload: Awaited<ReturnType<typeof decode>>;
  try {
    payload = await decode({ token, secret });
  } catch {
    // A forged or stale cookie is routine traffic, not a server fault: one line, no stack.
    console.warn('next-auth: rejected an invalid session cookie');
    return null;
  }
  if (!payload || typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return null;
  const claims = { userId: payload.sub, sessionId: payload.sid };
  const expiresAt = typeof payload.exp === 'number' ? payload.exp * 1000 : now;
  if (remembered.size >= REMEMBER_AT_MOST) remembered.delete(remembered.keys().next().value!);
  remembered.set(token, { claims, until: Math.min(now + REMEMBER_MS, expiresAt) });
  return claims;
}
