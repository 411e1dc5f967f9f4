import 'server-only';
import { db } from '@/lib/db';
import { ValidationError } from '@/lib/errors/app-error';
import { hashPassword, verifyPassword } from './password';
import { passwordProblem } from './password-strength';
import { clearAccountSignInFailures } from './sign-in-throttle';
import { revokeUserSessions } from './user-sessions';
import { consumeUserTokens, consumeUserTokensOf, findUserOfToken } from './user-tokens';

const INVALID_LINK = 'This reset link is invalid, already used or expired. Please ask for a new one.';

async function checkedHash(userId: string, password: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true } });
  const problem = passwordProblem(password, user);
  if (problem) throw new ValidationError(problem);
  return { email: user.email, passwordHash: await hashPassword(password) };
}

/**
 * Sets a new password from an emailed reset link and ends every session (whoever reset it may
 * not be the one signed in). The link and every other outstanding reset link of the account are
 * used up together with the change. The strength is checked first, so a weak choice can be
 * corrected with the same link.
 */
export async function resetPassword(token: string, password: string): Promise<void> {
  if (passwordProblem(password)) throw new ValidationError(passwordProblem(password)!);
  const userId = await findUserOfToken(token, 'reset_password');
  if (!userId) throw new ValidationError(INVALID_LINK);
  const { email, passwordHash } = await checkedHash(userId, password);
  await db.$transaction(async (tx) => {
    // Checked again inside: the link may have been used (or a newer one) since it was looked up.
    if ((await consumeUserTokens(token, 'reset_password', { client: tx })) !== userId)
      throw new ValidationError(INVALID_LINK);
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await revokeUserSessions(userId, { client: tx });
  });
  await clearAccountSignInFailures(email);
}

/**
 * Changes the password of a signed-in user. Every other session ends (a thief's copy too); the
 * browser that changed it stays signed in. Outstanding reset links stop working.
 */
export async function changePassword(
  userId: string,
  currentPassword: string,
  password: string,
  { keepSessionId }: { keepSessionId?: string } = {},
): Promise<void> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(currentPassword, user.passwordHash)))
    throw new ValidationError('Your current password is not correct.');
  const { passwordHash } = await checkedHash(userId, password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await revokeUserSessions(userId, { exceptSessionId: keepSessionId, client: tx });
    await consumeUserTokensOf(userId, 'reset_password', { client: tx });
  });
}
