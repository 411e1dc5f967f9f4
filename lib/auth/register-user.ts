import 'server-only';
import type { z } from 'zod';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { LEGAL_DOCUMENTS } from '@/lib/site/legal-documents';
import { AppError, ValidationError } from '@/lib/errors/app-error';
import { sendEmail } from '@/lib/email/send-email';
import type { registerSchema } from './account-schemas';
import { hashPassword } from './password';
import { passwordProblem } from './password-strength';
import { hitRateLimit, minutesText, REGISTER_PER_EMAIL, REGISTER_PER_IP } from './rate-limit';
import { sendVerificationEmail } from './send-verification-email';

/**
 * Creates a reader account and sends the verification link. For an email that already has an
 * account nothing is created; its owner gets a note instead. Both paths do the same work (one
 * password hash, one email, both throttled alike), so neither the caller's answer nor its timing
 * tells whether an email is registered.
 */
export async function registerUser(input: z.infer<typeof registerSchema>, ip: string | null = null): Promise<void> {
  const problem = passwordProblem(input.password, input);
  if (problem) throw new ValidationError(problem);

  // Per email: every attempt sends that address a message, so this also caps the mail sent to it.
  const perEmail = await hitRateLimit(`register:email:${input.email}`, REGISTER_PER_EMAIL);
  const perIp = ip ? await hitRateLimit(`register:ip:${ip}`, REGISTER_PER_IP) : perEmail;
  if (perEmail.isLimited || perIp.isLimited) {
    const wait = Math.max(
      perEmail.isLimited ? perEmail.retryAfterSeconds : 0,
      perIp.isLimited ? perIp.retryAfterSeconds : 0,
    );
    throw new AppError(
      `Too many registration attempts. Please wait ${minutesText(wait)} and try again.`,
      'rate_limited',
      'rate_limited',
    );
  }

  // Hashed before the lookup, on both paths: a missing hash would make "already registered" fast.
  const passwordHash = await hashPassword(input.password);
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
    data: {
      name: input.name,
      email: input.email,
      passwordHash,
      profession: input.profession ?? null,
      specialty: input.specialty ?? null,
      // What the reader agreed to, with the versions shown to them (the time is the row's).
      consents: {
        create: Object.entries(LEGAL_DOCUMENTS).map(([document, { version }]) => ({ document, version })),
      },
    },
  });
  await sendVerificationEmail(user);
}
