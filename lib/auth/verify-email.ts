import 'server-only';
import { db } from '@/lib/db';
import { consumeUserToken } from './user-tokens';

/** Marks the email verified; false when the link is unknown, used or expired. */
export async function verifyEmail(token: string): Promise<boolean> {
  const userId = await consumeUserToken(token, 'verify_email');
  if (!userId) return false;
  await db.user.update({ where: { id: userId }, data: { emailVerifiedAt: new Date() } });
  return true;
}
