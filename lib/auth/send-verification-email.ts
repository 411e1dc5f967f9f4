import 'server-only';
import { env } from '@/lib/env';
import { sendEmail } from '@/lib/email/send-email';
import { createUserToken } from './user-tokens';

const VERIFY_TTL_MS = 48 * 3600_000;

export async function sendVerificationEmail(user: { id: string; name: string; email: string }): Promise<void> {
  const token = await createUserToken(user.id, 'verify_email', VERIFY_TTL_MS);
  await sendEmail({
    to: user.email,
    subject: 'Confirm your email address',
    text: `Hello ${user.name},\n\nPlease confirm your email address for Archives of Dermatology:\n${env.SITE_URL}/verify-email?token=${token}\n\nThe link works once and expires in 48 hours.\n`,
  });
}
