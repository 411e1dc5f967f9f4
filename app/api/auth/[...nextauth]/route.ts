// GET/POST /api/auth/* – next-auth's sign-in, sign-out, session and CSRF endpoints, with two
// additions next-auth has no hook for: a successful sign-in also sets the known-device cookie
// (queued by `authorize`, see lib/auth/auth-response-cookies.ts), and /api/auth/session answers
// "no session" for a revoked one, as every other reader of the session does (getCurrentUser).
import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/auth-options';
import { withSignInCookies } from '@/lib/auth/auth-response-cookies';
import { getCurrentUser } from '@/lib/auth/current-user';
import { errorResponse } from '@/lib/http/error-response';

const nextAuthHandler = NextAuth(authOptions) as (req: Request, ctx: unknown) => Promise<Response>;

async function handler(req: Request, ctx: unknown): Promise<Response> {
  try {
    if (new URL(req.url).pathname.endsWith('/api/auth/session') && !(await getCurrentUser())) return Response.json({});
  } catch (error) {
    return errorResponse(error);
  }
  return withSignInCookies(() => nextAuthHandler(req, ctx));
}

export { handler as GET, handler as POST };
