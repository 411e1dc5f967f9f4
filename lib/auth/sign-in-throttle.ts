import 'server-only';
import { db } from '@/lib/db';

/**
 * A progressive delay, never a lockout: the first `freeAttempts` failures cost nothing; after
 * that each further attempt must wait `baseDelaySeconds`, doubling per failure up to
 * `maxDelaySeconds`, since the last failure. Counters are forgotten after a quiet
 * `forgetAfterSeconds`. The delay is computed from the stored counter: the server never sleeps.
 */
export type ThrottleRule = {
  freeAttempts: number;
  baseDelaySeconds: number;
  maxDelaySeconds: number;
  forgetAfterSeconds: number;
};

const DAY = 24 * 60 * 60;

/** One account from one address, unknown device: an attacker guessing one person's password. */
export const SIGN_IN_PER_ACCOUNT_ADDRESS: ThrottleRule = {
  freeAttempts: 5,
  baseDelaySeconds: 2,
  maxDelaySeconds: 15 * 60,
  forgetAfterSeconds: DAY,
};
/** A device the account already signed in from: only its own failures slow it (a stolen cookie still cannot race). */
export const SIGN_IN_PER_KNOWN_DEVICE: ThrottleRule = {
  freeAttempts: 10,
  baseDelaySeconds: 2,
  maxDelaySeconds: 15 * 60,
  forgetAfterSeconds: DAY,
};
/**
 * One address, many accounts, unknown devices (password spraying). Generous, and capped at a
 * minute, because a whole hospital may share the address; known devices never count here.
 */
export const SIGN_IN_PER_ADDRESS: ThrottleRule = {
  freeAttempts: 30,
  baseDelaySeconds: 1,
  maxDelaySeconds: 60,
  forgetAfterSeconds: 60 * 60,
};
/** One account from every address, unknown devices: credential stuffing from a botnet. */
export const SIGN_IN_PER_ACCOUNT: ThrottleRule = {
  freeAttempts: 100,
  baseDelaySeconds: 1,
  maxDelaySeconds: 5 * 60,
  forgetAfterSeconds: DAY,
};

/** What each counter counts; the keys live here only. */
export const signInKeys = {
  accountAddress: (email: string, ip: string | null) => `signin:account-address:${email}|${ip ?? 'unknown'}`,
  account: (email: string) => `signin:account:${email}`,
  address: (ip: string) => `signin:address:${ip}`,
  knownDevice: (deviceId: string) => `signin:device:${deviceId}`,
};

/** Seconds the next attempt must wait after `failures` failures (0: no wait). */
export function throttleDelaySeconds(failures: number, rule: ThrottleRule): number {
  if (failures < rule.freeAttempts) return 0;
  return Math.min(rule.baseDelaySeconds * 2 ** (failures - rule.freeAttempts), rule.maxDelaySeconds);
}

/**
 * Counts one attempt against `key` if the delay has passed, in one SQL statement, so parallel
 * guesses on several app instances cannot slip through together. Counted before the password is
 * checked; a success is taken back (clearSignInFailures / refundSignInAttempt).
 */
export async function reserveSignInAttempt(
  key: string,
  rule: ThrottleRule,
  now = new Date(),
): Promise<{ isAllowed: true } | { isAllowed: false; retryAfterSeconds: number }> {
  const forgetBefore = new Date(now.getTime() - rule.forgetAfterSeconds * 1000);
  const rows = await db.$queryRaw<{ failures: number }[]>`
    INSERT INTO "SignInThrottle" AS t ("key", "failures", "lastFailureAt") VALUES (${key}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN t."lastFailureAt" <= ${forgetBefore} THEN 1 ELSE t."failures" + 1 END,
      "lastFailureAt" = ${now}
    WHERE t."lastFailureAt" <= ${forgetBefore}
       OR t."failures" < ${rule.freeAttempts}::int
       OR t."lastFailureAt" + make_interval(secs => LEAST(
            ${rule.baseDelaySeconds}::float8 * power(2::float8, t."failures" - ${rule.freeAttempts}::int),
            ${rule.maxDelaySeconds}::float8)) <= ${now}
    RETURNING "failures"`;
  if (rows.length > 0) return { isAllowed: true };
  const row = await db.signInThrottle.findUnique({ where: { key } });
  if (!row) return { isAllowed: true }; // cleared meanwhile by a success
  const readyAt = row.lastFailureAt.getTime() + throttleDelaySeconds(row.failures, rule) * 1000;
  return { isAllowed: false, retryAfterSeconds: Math.max(1, Math.ceil((readyAt - now.getTime()) / 1000)) };
}

/** Takes back one counted attempt (it succeeded, or another rule refused it before it was tried). */
export async function refundSignInAttempt(key: string): Promise<void> {
  await db.$executeRaw`UPDATE "SignInThrottle" SET "failures" = GREATEST("failures" - 1, 0) WHERE "key" = ${key}`;
}

/** Forgets the failures under `key` (the right password from that account+address or device). */
export async function clearSignInFailures(key: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key } });
}

/**
 * Forgets every failure counted against the account, from any address (its password was just
 * reset: whatever was guessed is moot, and the owner should not wait to use the new one).
 */
export async function clearAccountSignInFailures(email: string): Promise<void> {
  const prefix = signInKeys.accountAddress(email, '');
  await db.$executeRaw`DELETE FROM "SignInThrottle"
    WHERE "key" = ${signInKeys.account(email)} OR left("key", length(${prefix})) = ${prefix}`;
}

export function waitText(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
