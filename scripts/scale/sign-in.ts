// Signing in over HTTP as a browser does: next-auth's CSRF token (double-submit cookie), then its
// credentials callback.

export type Csrf = { csrfToken: string; cookie: string };

/** A CSRF token and its cookie; one pair serves any number of sign-ins. */
export async function fetchCsrf(base: string): Promise<Csrf> {
  const res = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { csrfToken, cookie };
}

/** The credentials callback's form body (`json` makes next-auth answer 200 with a URL, not 302). */
export function signInBody(csrfToken: string, email: string, password: string): string {
  return new URLSearchParams({ csrfToken, email, password, json: 'true' }).toString();
}

export function sessionCookieOf(setCookies: string[]): string | null {
  const session = setCookies.find((c) => c.includes('session-token='));
  return session ? (session.split(';')[0] ?? null) : null;
}

/** The known-device cookie a successful sign-in sets (lib/auth/known-device.ts), as a cookie pair. */
export function knownDeviceCookieOf(setCookies: string[]): string | null {
  const device = setCookies.find((c) => c.startsWith('journal.known-device='));
  return device ? (device.split(';')[0] ?? null) : null;
}

export type SignedIn = { cookie: string; knownDevice: string | null };

/**
 * Signs in through one instance or the proxy, optionally from a browser known to the account
 * (`knownDevice`); returns the cookie header and the known-device cookie, or null when refused.
 */
export async function signInAs(
  base: string,
  email: string,
  password: string,
  knownDevice: string | null = null,
): Promise<SignedIn | null> {
  const { csrfToken, cookie } = await fetchCsrf(base);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: knownDevice ? `${cookie}; ${knownDevice}` : cookie,
    },
    body: signInBody(csrfToken, email, password),
  });
  const session = sessionCookieOf(res.headers.getSetCookie());
  return session
    ? { cookie: `${cookie}; ${session}`, knownDevice: knownDeviceCookieOf(res.headers.getSetCookie()) }
    : null;
}

/** Signs in through one instance or the proxy; returns the cookie header, or null when refused. */
export async function signIn(base: string, email: string, password: string): Promise<string | null> {
  return (await signInAs(base, email, password))?.cookie ?? null;
}
