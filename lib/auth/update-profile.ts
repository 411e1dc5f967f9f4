import 'server-only';
import type { z } from 'zod';
import { db } from '@/lib/db';
import { ValidationError } from '@/lib/errors';
import type { CurrentUser } from './current-user';
import type { profileSchema } from './account-schemas';
import { sendVerificationEmail } from './send-verification-email';

/** Saves name and email; a new email must be confirmed again. Returns whether the email changed. */
export async function updateProfile(user: CurrentUser, input: z.infer<typeof profileSchema>): Promise<boolean> {
  const emailChanged = input.email !== user.email;
  if (emailChanged && (await db.user.findUnique({ where: { email: input.email }, select: { id: true } }))) {
    throw new ValidationError('That email address cannot be used for this account.');
  }
  const updated = await db.user.update({
    where: { id: user.id },
    data: { name: input.name, ...(emailChanged ? { email: input.email, emailVerifiedAt: null } : {}) },
  });
  if (emailChanged) await sendVerificationEmail(updated);
  return emailChanged;
}
