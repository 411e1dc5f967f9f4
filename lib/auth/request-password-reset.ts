import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors/app-error';
import { sendEmail } from '@/lib/email/send-email';
import { hitRateLimit, minutesText, RESET_PER_ACCOUNT, RESET_PER_IP } from './rate-limit';
import { createUserToken } from './user-tokens';

export const RESET_TTL_MS = 3600_000;

/**
 * Emails a single-use reset link valid for one hour, if the email has an account. The caller
 * answers the same either way; throttled per email and per address.
 */
export async function requestPasswordReset(email: string, ip: string | null): Promise<void> {
  const perAccount = await hitRateLimit(`reset:account:${email}`, RESET_PER_ACCOUNT);
  const perIp = ip ? await hitRateLimit(`reset:ip:${ip}`, RESET_PER_IP) : perAccount;
  if (perAccount.isLimited || perIp.isLimited) {
    const wait = Math.max(perAccount.retryAfterSeconds, perIp.retryAfterSeconds);
    throw new AppError(
      `Too many reset requests. Please wait ${minutesText(wait)} and try again.`,
      'rate_limited',
      'rate_limited',
    );
  }
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, disabledAt: true } });
  if (!user || user.disabledAt) return;
  const token = await createUserToken(user.id, 'reset_password', RESET_TTL_MS);
  await sendEmail({
    to: email,
    subject: 'Reset your password',
    text: `Hello ${user.name},\n\nTo choose a new password, open this link within one hour:\n${env.SITE_URL}/reset-password?token=${token}\n\nIf you did not ask for this, ignore this email; your password stays as it is.\n`,
  });
}
