import 'server-only';
import { forbidden } from 'next/navigation';
import { requireUser, type CurrentUser } from '@/lib/auth/current-user';

/** For admin pages and layouts: anonymous → sign-in, a signed-in non-admin → 403. */
export async function requireAdmin(returnTo: string): Promise<CurrentUser> {
  const user = await requireUser(returnTo);
  if (user.role !== 'admin') forbidden();
  return user;
}
