import 'server-only';
import type { z } from 'zod';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { ValidationError } from '@/lib/errors';
import { sendEmail } from '@/lib/email/send-email';
import type { registerSchema } from './account-schemas';
import { hashPassword } from './password';
import { passwordProblem } from './password-strength';
import { sendVerificationEmail } from './send-verification-email';

/**
 * Creates a reader account and sends the verification link. For an email that already has an
 * account nothing is created; its owner gets a note instead, and the caller's answer is the
 * same, so registration never tells whether an email is registered.
 */
export async function registerUser(input: z.infer<typeof registerSchema>): Promise<void> {
  const problem = passwordProblem(input.password, input);
  if (problem) throw new ValidationError(problem);
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) {
    await sendEmail({
      to: input.email,
      subject: 'Someone tried to register with your email',
      text: `Someone (perhaps you) tried to create an account with this email address, which already has one.\n\nSign in: ${env.SITE_URL}/signin\nForgot your password? ${env.SITE_URL}/forgot-password\n`,
    });
    return;
  }
  const user = await db.user.create({
    data: { name: input.name, email: input.email, passwordHash: await hashPassword(input.password) },
  });
  await sendVerificationEmail(user);
}
