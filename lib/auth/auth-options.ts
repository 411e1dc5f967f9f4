import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { env } from '@/lib/env';
import { isDatabaseUnavailable } from '@/lib/errors/database-errors';
import { UNAVAILABLE_MESSAGE } from '@/lib/errors/database-unavailable.mjs';
import { clientIpFromHeaders } from '@/lib/access/client-ip';
import { queueSignInCookie } from './auth-response-cookies';
import { knownDeviceCookieFrom, knownDeviceSetCookie, rememberKnownDevice } from './known-device';
import { SignInError, signInWithPassword } from './sign-in';
import { createUserSession, revokeUserSession, SESSION_MAX_AGE_SECONDS } from './user-sessions';

// Credentials + JWT sessions (next-auth 4): no adapter; our own tables hold users and tokens.
// Each JWT names a UserSession row (`sid`), so a session can be ended on the server: sign-out
// revokes it (events.signOut), and getCurrentUser honours a cookie only while its row stands.
export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  // Secure, __Secure-/__Host- prefixed cookies whenever the site is served over https. next-auth
  // decides from NEXTAUTH_URL, which only `npm start` sets: `node scripts/server.mjs` with just an
  // https SITE_URL (as the README's several-instances steps run it) sent them without Secure.
  useSecureCookies: env.SITE_URL.startsWith('https://'),
  pages: { signIn: '/signin', error: '/signin' },
  logger: {
    // A forged or stale cookie is routine traffic, not a server fault: one line, no stack.
    error(code, metadata) {
      if (code === 'JWT_SESSION_ERROR') console.warn('next-auth: rejected an invalid session cookie');
      else console.error(`next-auth: ${code}`, metadata);
    },
    warn(code) {
      console.warn(`next-auth: ${code}`);
    },
    debug() {},
  },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        const headers = new Headers(req.headers as Record<string, string>);
        const knownDevice = knownDeviceCookieFrom(headers.get('cookie'));
        // next-auth puts an authorize error's message on the sign-in form: only ours, never a driver's.
        try {
          const user = await signInWithPassword(credentials, { ip: clientIpFromHeaders(headers), knownDevice });
          const sessionId = await createUserSession(user.id, headers.get('user-agent'));
          const device = rememberKnownDevice(knownDevice, user.id);
          if (device) queueSignInCookie(knownDeviceSetCookie(device));
          return { id: user.id, name: user.name, email: user.email, role: user.role, sessionId };
        } catch (error) {
          if (error instanceof SignInError) throw error;
          if (isDatabaseUnavailable(error)) throw new SignInError(UNAVAILABLE_MESSAGE);
          console.error(error);
          throw new SignInError('Something went wrong on our side. Please try again.');
        }
      },
    }),
  ],
  events: {
    // The cookie is cleared by next-auth; the row makes a copy of it useless too. A failure here
    // is logged by next-auth (SIGNOUT_ERROR) and the browser is still signed out.
    async signOut({ token }) {
      if (typeof token?.sid === 'string') await revokeUserSession(token.sid);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as typeof user & { sessionId: string; role: string };
        token.sub = u.id;
        token.sid = u.sessionId;
        token.role = u.role;
      }
      return token;
    },
    session({ session, token }) {
      // The role travels for display only: every authorization reads role and standing fresh
      // from the database (lib/auth/current-user.ts), so an old or forged token grants nothing.
      session.user = {
        ...session.user,
        id: token.sub,
        role: token.role,
        sessionId: token.sid,
      } as typeof session.user;
      return session;
    },
  },
};
