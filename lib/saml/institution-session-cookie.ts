// The cookie that carries an institution sign-in (SAML), the one that names the browser a sign-in
// was started in, and the one that remembers which institution a reader chose last (discovery).
// The first is counted by lib/http/reader-request.mjs (a browser holding it gets the per-reader
// article page); the others grant nothing by themselves.
import { createHash, randomBytes } from 'node:crypto';
import { env } from '@/lib/env';

const isHttps = () => env.SITE_URL.startsWith('https:');

export const institutionSessionCookieName = () =>
  isHttps() ? '__Secure-journal.institution-session' : 'journal.institution-session';
/** A random value per browser; each AuthnRequest keeps its hash, and its answer must come with it. */
export const signInBrowserCookieName = () => (isHttps() ? '__Host-journal.saml-browser' : 'journal.saml-browser');
export const LAST_INSTITUTION_COOKIE = 'journal.last-institution';

/** The token's form: 32 random bytes, base64url. Anything else is ignored unread. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const newRandomToken = () => randomBytes(32).toString('base64url');

/** SHA-256 of a token of ours (an institution session, a sign-in browser's value); null if malformed. */
export function hashInstitutionToken(token: string | null | undefined): string | null {
  if (!token || !TOKEN.test(token)) return null;
  return createHash('sha256').update(token).digest('hex');
}

export function cookieOptions(maxAgeSeconds: number) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: isHttps(),
    path: '/',
    maxAge: Math.max(0, Math.floor(maxAgeSeconds)),
  };
}
