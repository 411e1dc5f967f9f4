import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { DUMMY_HASH, verifyPassword } from './password';
import { knownDeviceIdFor } from './known-device';
import { RESET_OFFER, SIGN_IN_THROTTLED } from './sign-in-messages';
import {
  clearSignInFailures,
  refundSignInAttempt,
  reserveSignInAttempt,
  SIGN_IN_PER_ACCOUNT,
  SIGN_IN_PER_ACCOUNT_ADDRESS,
  SIGN_IN_PER_ADDRESS,
  SIGN_IN_PER_KNOWN_DEVICE,
  signInKeys,
  type ThrottleRule,
  waitText,
} from './sign-in-throttle';

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
};

export class SignInError extends Error {}

export type SignInContext = {
  /** The client's address (lib/access/client-ip.ts); null when unknown. */
  ip: string | null;
  /** The known-device cookie's value, if the browser sent one (lib/auth/known-device.ts). */
  knownDevice?: string | null;
  now?: Date;
};

type Counter = { key: string; rule: ThrottleRule; onSuccess: 'clear' | 'refund' };

/**
 * What an attempt is counted against. A device that signed in to this account before answers
 * only for its own failures, so strangers guessing (from the same address or from a botnet)
 * never slow the owner there. Anyone else is counted per account+address (cleared by the right
 * password), per address across accounts and per account across addresses (both generous, and
 * a success is taken back, so many readers behind one institution's address are not slowed).
 */
function countersFor(email: string, ip: string | null, deviceId: string | null): Counter[] {
  if (deviceId) return [{ key: signInKeys.knownDevice(deviceId), rule: SIGN_IN_PER_KNOWN_DEVICE, onSuccess: 'clear' }];
  return [
    { key: signInKeys.accountAddress(email, ip), rule: SIGN_IN_PER_ACCOUNT_ADDRESS, onSuccess: 'clear' },
    { key: signInKeys.account(email), rule: SIGN_IN_PER_ACCOUNT, onSuccess: 'refund' },
    ...(ip ? [{ key: signInKeys.address(ip), rule: SIGN_IN_PER_ADDRESS, onSuccess: 'refund' as const }] : []),
  ];
}

/**
 * Checks credentials, with a progressive delay instead of a lockout (lib/auth/sign-in-throttle.ts).
 * The same message for an unknown email and a wrong password, so the answer never tells whether
 * an email is registered.
 */
export async function signInWithPassword(
  input: unknown,
  { ip, knownDevice = null, now = new Date() }: SignInContext,
): Promise<SignedInUser> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) throw new SignInError(parsed.error.issues[0]?.message ?? 'Email or password is incorrect.');
  const { email, password } = parsed.data;

  const user = await db.user.findUnique({ where: { email } });
  const knownDeviceId = user ? knownDeviceIdFor(knownDevice, user.id) : null;
  const counters = countersFor(email, ip, knownDeviceId);
  // Counted before checking (so parallel guesses cannot overshoot); one refusal takes back the others.
  for (const [i, counter] of counters.entries()) {
    const attempt = await reserveSignInAttempt(counter.key, counter.rule, now);
    if (!attempt.isAllowed) {
      for (const earlier of counters.slice(0, i)) await refundSignInAttempt(earlier.key);
      throw new SignInError(
        `${SIGN_IN_THROTTLED}. Please wait ${waitText(attempt.retryAfterSeconds)} and try again, or ${RESET_OFFER}`,
      );
    }
  }

  const isValid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !isValid) throw new SignInError('Email or password is incorrect.');
  if (user.disabledAt) throw new SignInError('This account has been disabled. Please contact the journal office.');
  for (const counter of counters)
    await (counter.onSuccess === 'clear' ? clearSignInFailures(counter.key) : refundSignInAttempt(counter.key));
  return { id: user.id, name: user.name, email: user.email, role: user.role };
}
