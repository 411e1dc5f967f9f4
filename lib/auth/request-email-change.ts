import 'server-only';
import type { z } from 'zod';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError, ValidationError } from '@/lib/errors/app-error';
import { sendEmail } from '@/lib/email/send-email';
import type { changeEmailSchema } from './account-schemas';
import { verifyPassword } from './password';
import { EMAIL_CHANGE_PER_ACCOUNT, hitRateLimit, minutesText } from './rate-limit';
import { EMAIL_CHANGE_TTL_MS, newEmailChangeToken } from './email-change-token';

/**
 * Asks to move an account to a new email, with the current password. Nothing changes yet: the
 * new address gets a single-use link valid for 24 hours, and the old address a notice. When the
 * new address already has an account, it gets a note instead of a link; everything else (the
 * stored request, the two emails, the caller's answer) is the same, so the answer and its timing
 * never tell whether an address is registered.
 */
export async function requestEmailChange(userId: string, input: z.infer<typeof changeEmailSchema>): Promise<void> {
  const limit = await hitRateLimit(`email-change:account:${userId}`, EMAIL_CHANGE_PER_ACCOUNT);
  if (limit.isLimited)
    throw new AppError(
      `Too many email change requests. Please wait ${minutesText(limit.retryAfterSeconds)} and try again.`,
      'rate_limited',
      'rate_limited',
    );
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { name: true, email: true, passwordHash: true },
  });
  if (!(await verifyPassword(input.currentPassword, user.passwordHash)))
    throw new ValidationError('Your current password is not correct.');
  if (input.email === user.email) throw new ValidationError('That is already the email address of your account.');

  const isTaken = Boolean(await db.user.findUnique({ where: { email: input.email }, select: { id: true } }));
  const { token, tokenHash } = newEmailChangeToken();
  // Only the newest request's link works. A request for a taken address is stored all the same
  // (its link is never sent, and confirming checks the address again).
  await db.$transaction([
    db.pendingEmailChange.deleteMany({ where: { userId } }),
    db.pendingEmailChange.create({
      data: { userId, newEmail: input.email, tokenHash, expiresAt: new Date(Date.now() + EMAIL_CHANGE_TTL_MS) },
    }),
  ]);

  await sendEmail(
    isTaken
      ? {
          to: input.email,
          subject: 'Someone tried to use your email address',
          text: `Someone tried to change the email address of an account on Archives of Dermatology to this address, which already has an account. Nothing has changed.\n\nIf this was you, you can sign in with this address: ${env.SITE_URL}/signin\nForgot your password? ${env.SITE_URL}/forgot-password\n`,
        }
      : {
          to: input.email,
          subject: 'Confirm your new email address',
          text: `Hello ${user.name},\n\nTo use this address for your Archives of Dermatology account, open this link:\n${env.SITE_URL}/confirm-email?token=${token}\n\nThe link works once and expires in 24 hours. Until then, your account keeps its current address. If you did not ask for this, ignore this email.\n`,
        },
  );
  await sendEmail({
    to: user.email,
    subject: 'A change of your email address was requested',
    text: `Hello ${user.name},\n\nSomeone signed in to your account asked to change its email address to ${input.email}. Nothing changes until the link we sent to that address is opened (within 24 hours).\n\nIf this was not you, change your password now: ${env.SITE_URL}/account\n`,
  });
}
