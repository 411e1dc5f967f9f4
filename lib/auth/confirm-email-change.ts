import 'server-only';
import { db } from '@/lib/db';
import { sendEmail } from '@/lib/email/send-email';
import { isUniqueViolation } from '@/lib/cme/is-unique-violation';
import { hashEmailChangeToken } from './email-change-token';

/**
 * Opens an email change link: moves the account to the new address (now verified: the link
 * proved it) and tells the old address. False, with nothing changed, when the link is unknown,
 * used or expired, or the new address has meanwhile got an account of its own.
 */
export async function confirmEmailChange(token: string, now = new Date()): Promise<boolean> {
  // Conditional update: two clicks cannot both use the link.
  const [change] = await db.pendingEmailChange.updateManyAndReturn({
    where: { tokenHash: hashEmailChangeToken(token), usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
    select: { userId: true, newEmail: true },
  });
  if (!change) return false;
  const user = await db.user.findUnique({
    where: { id: change.userId },
    select: { name: true, email: true, disabledAt: true },
  });
  if (!user || user.disabledAt) return false;
  try {
    // The unique email key refuses an address that was registered after the request.
    await db.user.update({
      where: { id: change.userId },
      data: { email: change.newEmail, emailVerifiedAt: now },
    });
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
  await db.pendingEmailChange.deleteMany({ where: { userId: change.userId, usedAt: null } });
  await sendEmail({
    to: user.email,
    subject: 'Your email address was changed',
    text: `Hello ${user.name},\n\nThe email address of your Archives of Dermatology account is now ${change.newEmail}. Sign in with that address from now on.\n\nIf this was not you, please contact the journal office at once.\n`,
  });
  return true;
}
