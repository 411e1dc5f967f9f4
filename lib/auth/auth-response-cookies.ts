import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';

// next-auth's credentials `authorize` sees the request but cannot touch the response, and its
// events and callbacks cannot either. So app/api/auth/[...nextauth]/route.ts runs next-auth inside
// a per-request list (AsyncLocalStorage follows every await of that request), `authorize` queues
// the cookies it wants set, and the route adds them to next-auth's response, only when next-auth
// actually set a session cookie (the sign-in went all the way through).
const queued = new AsyncLocalStorage<string[]>();

/** Queues a Set-Cookie header value for the response of the auth request being handled. */
export function queueSignInCookie(setCookie: string): void {
  queued.getStore()?.push(setCookie);
}

/** Runs an auth request; a successful sign-in's response also carries the queued cookies. */
export async function withSignInCookies(run: () => Promise<Response>): Promise<Response> {
  const cookies: string[] = [];
  const response = await queued.run(cookies, run);
  const isSignedIn = response.headers.getSetCookie().some((c) => /^(__Secure-)?next-auth\.session-token=[^;]/.test(c));
  if (cookies.length === 0 || !isSignedIn) return response;
  // A fresh Response: next-auth's may have immutable headers (a redirect).
  const headers = new Headers(response.headers);
  for (const cookie of cookies) headers.append('set-cookie', cookie);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
