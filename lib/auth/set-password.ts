import 'server-only';
import { db } from '@/lib/db';
import { ValidationError } from '@/lib/errors';
import { hashPassword, verifyPassword } from './password';
import { passwordProblem } from './password-strength';
import { consumeUserToken } from './user-tokens';

async function storeNewPassword(userId: string, password: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true } });
  const problem = passwordProblem(password, user);
  if (problem) throw new ValidationError(problem);
  // A new session version signs out every session that used the old password.
  await db.user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(password), sessionVersion: { increment: 1 } },
  });
}

/**
 * Sets a new password from an emailed reset link. The strength is checked before the token is
 * used up, so a weak choice can be corrected with the same link.
 */
export async function resetPassword(token: string, password: string): Promise<void> {
  if (passwordProblem(password)) throw new ValidationError(passwordProblem(password)!);
  const userId = await consumeUserToken(token, 'reset_password');
  if (!userId)
    throw new ValidationError('This reset link is invalid, already used or expired. Please ask for a new one.');
  await storeNewPassword(userId, password);
}

export async function changePassword(userId: string, currentPassword: string, password: string): Promise<void> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(currentPassword, user.passwordHash)))
    throw new ValidationError('Your current password is not correct.');
  await storeNewPassword(userId, password);
}
