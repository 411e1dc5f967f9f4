import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { env } from '@/lib/env';
import { isDatabaseUnavailable } from '@/lib/errors';
import { UNAVAILABLE_MESSAGE } from '@/lib/http/database-unavailable.mjs';
import { clientIpFromHeaders } from '@/lib/http/client-ip';
import { SignInError, signInWithPassword } from './sign-in';

const SESSION_DAYS = 30;

// Credentials + JWT sessions (next-auth 4): no adapter; our own tables hold users and tokens.
export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: SESSION_DAYS * 24 * 60 * 60 },
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
        const ip = clientIpFromHeaders(new Headers(req.headers as Record<string, string>));
        // next-auth puts an authorize error's message on the sign-in form: only ours, never a driver's.
        const user = await signInWithPassword(credentials, ip).catch((error: unknown) => {
          if (error instanceof SignInError) throw error;
          if (isDatabaseUnavailable(error)) throw new SignInError(UNAVAILABLE_MESSAGE);
          console.error(error);
          throw new SignInError('Something went wrong on our side. Please try again.');
        });
        return {
          id: user.id,
          name: user.name,
          email: user.email,
          role: user.role,
          sessionVersion: user.sessionVersion,
        };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as typeof user & { sessionVersion: number; role: string };
        token.sub = u.id;
        token.sessionVersion = u.sessionVersion;
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
        sessionVersion: token.sessionVersion,
      } as typeof session.user;
      return session;
    },
  },
};
