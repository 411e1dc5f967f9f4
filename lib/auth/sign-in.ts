import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { DUMMY_HASH, verifyPassword } from './password';
import {
  clearRateLimit,
  hitRateLimit,
  minutesText,
  refundRateLimit,
  SIGN_IN_PER_ACCOUNT,
  SIGN_IN_PER_IP,
} from './rate-limit';

export const signInSchema = z.object({
  // The first issue is shown on the sign-in form as it is: every message here is for a person.
  email: z
    .string({ error: 'Enter a valid email address.' })
    .trim()
    .toLowerCase()
    .max(254, 'Enter a valid email address.')
    .email('Enter a valid email address.'),
  password: z
    .string({ error: 'Enter your password.' })
    .min(1, 'Enter your password.')
    .max(200, 'Email or password is incorrect.'),
});

export type SignedInUser = {
  id: string;
  name: string;
  email: string;
  role: 'reader' | 'admin';
  sessionVersion: number;
};

export class SignInError extends Error {}

/**
 * Checks credentials, throttled per account and per address. The same message for an unknown
 * email and a wrong password, so the answer never tells whether an email is registered.
 */
export async function signInWithPassword(input: unknown, ip: string | null): Promise<SignedInUser> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) throw new SignInError(parsed.error.issues[0]?.message ?? 'Email or password is incorrect.');
  const { email, password } = parsed.data;

  const accountKey = `signin:account:${email}`;
  const perAccount = await hitRateLimit(accountKey, SIGN_IN_PER_ACCOUNT);
  const ipKey = ip ? `signin:ip:${ip}` : null;
  const perIp = ipKey ? await hitRateLimit(ipKey, SIGN_IN_PER_IP) : { isLimited: false, retryAfterSeconds: 0 };
  if (perAccount.isLimited || perIp.isLimited) {
    const wait = Math.max(
      perAccount.isLimited ? perAccount.retryAfterSeconds : 0,
      perIp.isLimited ? perIp.retryAfterSeconds : 0,
    );
    throw new SignInError(`Too many sign-in attempts. Please wait ${minutesText(wait)} and try again.`);
  }

  const user = await db.user.findUnique({ where: { email } });
  const isValid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !isValid) throw new SignInError('Email or password is incorrect.');
  if (user.disabledAt) throw new SignInError('This account has been disabled. Please contact the journal office.');
  // Counted before checking (so parallel guesses cannot overshoot); a success is taken back, so
  // many readers signing in from one institution's address are not throttled.
  await clearRateLimit(accountKey);
  if (ipKey) await refundRateLimit(ipKey);
  return { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion };
}
