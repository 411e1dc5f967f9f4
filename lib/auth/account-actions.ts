'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import { activateMembership } from '@/lib/access/activate-membership';
import {
  activationSchema,
  changePasswordSchema,
  forgotPasswordSchema,
  profileSchema,
  registerSchema,
  resetPasswordSchema,
} from '@/lib/auth/account-schemas';
import { registerUser } from '@/lib/auth/register-user';
import { requestPasswordReset } from '@/lib/auth/request-password-reset';
import { changePassword, resetPassword } from '@/lib/auth/set-password';
import { updateProfile } from '@/lib/auth/update-profile';
import { sendVerificationEmail } from '@/lib/auth/send-verification-email';
import { verifyEmail } from '@/lib/auth/verify-email';
import { passwordProblem } from '@/lib/auth/password-strength';
import type { ActionState } from '@/lib/http/action';
import { validatedAction, validatedActionWithUser } from '@/lib/http/action';
import { clientIpFromHeaders } from '@/lib/access/client-ip';
import { formatDate } from '@/lib/format-date';

/** A weak new password answers on its field, before anything else happens. */
function weakPassword(password: string, context: { email?: string; name?: string } = {}): ActionState | null {
  const problem = passwordProblem(password, context);
  return problem
    ? { ok: false, message: 'Please choose a stronger password.', fieldErrors: { password: problem } }
    : null;
}

export const registerAction = validatedAction(registerSchema, async (data) => {
  const weak = weakPassword(data.password, data);
  if (weak) return weak;
  await registerUser(data, clientIpFromHeaders(await headers()));
  // The same words whether or not the email already had an account (its owner gets a note instead).
  return { ok: true, message: 'Check your email: we sent a link to finish setting up your account.' };
});

export const verifyEmailAction = validatedAction(z.object({ token: z.string().min(10).max(200) }), async ({ token }) =>
  (await verifyEmail(token))
    ? { ok: true, message: 'Thank you: your email address is confirmed.' }
    : {
        ok: false,
        message: 'This link is invalid, already used or expired. Sign in and ask for a new one from My Account.',
      },
);

export const resendVerificationAction = validatedActionWithUser(z.object({}), async (_data, user) => {
  if (user.emailVerified) return { ok: true, message: 'Your email address is already confirmed.' };
  await sendVerificationEmail(user);
  return { ok: true, message: `We have sent a new confirmation link to ${user.email}.` };
});

export const forgotPasswordAction = validatedAction(forgotPasswordSchema, async ({ email }) => {
  await requestPasswordReset(email, clientIpFromHeaders(await headers()));
  return {
    ok: true,
    message: 'If an account exists for that email, we have sent a link to reset the password. It works for one hour.',
  };
});

export const resetPasswordAction = validatedAction(resetPasswordSchema, async ({ token, password }) => {
  const weak = weakPassword(password);
  if (weak) return weak;
  await resetPassword(token, password);
  return { ok: true, message: 'Your password has been changed. You can now sign in with it.' };
});

export const changePasswordAction = validatedActionWithUser(changePasswordSchema, async (data, user) => {
  const weak = weakPassword(data.password, user);
  if (weak) return weak;
  await changePassword(user.id, data.currentPassword, data.password, { keepSessionId: user.sessionId });
  return {
    ok: true,
    message: 'Your password has been changed. You stay signed in here; other devices are signed out.',
  };
});

export const updateProfileAction = validatedActionWithUser(profileSchema, async (data, user) => {
  await updateProfile(user, data);
  return { ok: true, message: 'Your details have been saved.' };
});

export const activateAction = validatedActionWithUser(activationSchema, async (data, user) => {
  const subscription = await activateMembership(user.id, data, { ip: clientIpFromHeaders(await headers()) });
  return {
    ok: true,
    message: `Your subscription is active until ${formatDate(subscription.currentPeriodEnd)}.`,
  };
});
