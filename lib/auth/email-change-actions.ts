'use server';

import { changeEmailSchema, confirmEmailChangeSchema } from '@/lib/auth/account-schemas';
import { confirmEmailChange } from '@/lib/auth/confirm-email-change';
import { requestEmailChange } from '@/lib/auth/request-email-change';
import { validatedAction, validatedActionWithUser } from '@/lib/http/action';

export const requestEmailChangeAction = validatedActionWithUser(changeEmailSchema, async (data, user) => {
  await requestEmailChange(user.id, data);
  // The same answer whether or not the new address already has an account.
  return {
    ok: true,
    message: `We have sent a link to ${data.email}. Your email address changes when you open it (within 24 hours); until then, keep using ${user.email}.`,
  };
});

// Works without signing in: the link itself is the proof.
export const confirmEmailChangeAction = validatedAction(confirmEmailChangeSchema, async ({ token }) =>
  (await confirmEmailChange(token))
    ? { ok: true, message: 'Your email address has been changed. Sign in with the new address from now on.' }
    : {
        ok: false,
        message:
          'We could not change the email address with this link: it may be used already or expired, or the address can no longer be used. Sign in and ask again from My Account.',
      },
);
