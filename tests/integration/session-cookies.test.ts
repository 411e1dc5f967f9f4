// The session cookie's attributes over http and https.
//
// Why here and not in the e2e suite: the e2e server runs on http://localhost (the e2e spec
// security-fuzz-csrf checks the http cookie in a real browser). Serving it over TLS would need a
// certificate and a proxy for one assertion. The attributes come from authOptions and next-auth,
// not from the transport (nginx passes Set-Cookie through untouched), so this test drives
// next-auth's own request handler (next-auth/core, which app/api/auth/[...nextauth] wraps) with
// our real authOptions, a real account in the database, and the request nginx sends for an https
// site: Host and X-Forwarded-Proto: https. NEXTAUTH_URL is unset, as when `node
// scripts/server.mjs` runs with only SITE_URL (README, several instances).
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AuthOptions } from 'next-auth';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Cookie = { name: string; value: string; options: Record<string, unknown> };
type AuthResponse<Body> = { status?: number; body?: Body; cookies?: Cookie[] };
// next-auth/core is not in next-auth's package exports; the route handler calls this function.
const { AuthHandler } = createRequire(import.meta.url)(path.resolve('node_modules/next-auth/core/index.js')) as {
  AuthHandler: <Body>(params: { req: Request; options: AuthOptions }) => Promise<AuthResponse<Body>>;
};

const PASSWORD = 'copper lantern meadow 9';
const saved = { ...process.env };

beforeEach(() => {
  vi.resetModules(); // lib/env reads SITE_URL once per module instance
  delete process.env.NEXTAUTH_URL;
  process.env.NEXTAUTH_SECRET = randomBytes(32).toString('base64');
});
afterEach(() => {
  process.env = { ...saved };
});

/** Signs in through next-auth's handler on a site at `siteUrl`; returns the cookies it sets. */
async function signInOn(siteUrl: string) {
  process.env.SITE_URL = siteUrl;
  // As app/api/auth/[...nextauth] gets it: next-auth's route wrapper adds the secret from the env.
  const options = { ...(await import('@/lib/auth/auth-options')).authOptions, secret: process.env.NEXTAUTH_SECRET };
  const { db } = await import('@/lib/db');
  const { hashPassword } = await import('@/lib/auth/password');
  const email = `cookie-${randomBytes(4).toString('hex')}@example.org`;
  await db.user.create({ data: { name: 'Cookie Tester', email, passwordHash: await hashPassword(PASSWORD) } });

  const site = new URL(siteUrl);
  const headers = { host: site.host, 'x-forwarded-proto': site.protocol.replace(':', '') };
  const csrf = await AuthHandler<{ csrfToken: string }>({
    req: new Request(`http://${site.host}/api/auth/csrf`, { headers }),
    options,
  });
  const csrfCookie = csrf.cookies?.find((c) => c.name.endsWith('next-auth.csrf-token'));
  const signedIn = await AuthHandler<unknown>({
    req: new Request(`http://${site.host}/api/auth/callback/credentials`, {
      method: 'POST',
      headers: {
        ...headers,
        // next-auth/core reads a Request's body as JSON (the route wrapper also takes forms).
        'content-type': 'application/json',
        cookie: `${csrfCookie?.name}=${csrfCookie?.value}`,
      },
      body: JSON.stringify({ csrfToken: csrf.body!.csrfToken, email, password: PASSWORD, json: 'true' }),
    }),
    options,
  });
  return signedIn.cookies ?? [];
}

describe('session cookie', () => {
  it('is Secure with the __Secure- prefix, HttpOnly and SameSite=Lax when the site is on https', async () => {
    const session = (await signInOn('https://journal.example')).find((c) => c.name.endsWith('session-token'));
    expect(session?.name).toBe('__Secure-next-auth.session-token');
    expect(session?.options).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: true, path: '/' });
  });

  it('is HttpOnly and SameSite=Lax without Secure on plain http (one machine, localhost)', async () => {
    const session = (await signInOn('http://localhost:3000')).find((c) => c.name.endsWith('session-token'));
    expect(session?.name).toBe('next-auth.session-token');
    expect(session?.options).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: false });
  });
});
