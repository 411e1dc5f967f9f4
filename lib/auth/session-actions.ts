'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/current-user';
import { revokeUserSessions } from '@/lib/auth/user-sessions';
import { env } from '@/lib/env';

/** "Sign out of all devices": ends every session of the user, this one too, then the sign-in page says so. */
export async function signOutEverywhereAction(): Promise<void> {
  const user = await getCurrentUser();
  if (!user) redirect('/signin?callbackUrl=%2Faccount');
  await revokeUserSessions(user.id);
  // The revoked cookie no longer works anywhere; this browser also forgets it.
  const isSecure = env.SITE_URL.startsWith('https://');
  (await cookies()).set(`${isSecure ? '__Secure-' : ''}next-auth.session-token`, '', {
    maxAge: 0,
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecure,
  });
  redirect('/signin?signedOut=everywhere&callbackUrl=%2Faccount');
}
