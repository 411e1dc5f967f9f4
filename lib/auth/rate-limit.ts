import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';

export type RateLimitRule = { limit: number; windowSeconds: number };

export const SIGN_IN_PER_ACCOUNT: RateLimitRule = { limit: 5, windowSeconds: 15 * 60 };
export const SIGN_IN_PER_IP: RateLimitRule = { limit: 30, windowSeconds: 15 * 60 };
export const RESET_PER_ACCOUNT: RateLimitRule = { limit: 3, windowSeconds: 60 * 60 };
export const RESET_PER_IP: RateLimitRule = { limit: 10, windowSeconds: 60 * 60 };

/**
 * Counts one event against `key` in a fixed window and says whether it is over the limit.
 * One SQL statement, so concurrent requests on several app instances count correctly.
 */
export async function hitRateLimit(
  key: string,
  rule: RateLimitRule,
  now = new Date(),
): Promise<{ isLimited: boolean; retryAfterSeconds: number }> {
  const windowStartAfter = new Date(now.getTime() - rule.windowSeconds * 1000);
  const rows = await db.$queryRaw<{ count: number; windowStart: Date }[]>`
    INSERT INTO "RateLimitBucket" ("key", "count", "windowStart") VALUES (${key}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" <= ${windowStartAfter} THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" <= ${windowStartAfter} THEN ${now} ELSE "RateLimitBucket"."windowStart" END
    RETURNING "count", "windowStart"`;
  const row = rows[0]!;
  const retryAfterSeconds = Math.max(
    1,
    Math.ceil((row.windowStart.getTime() + rule.windowSeconds * 1000 - now.getTime()) / 1000),
  );
  return { isLimited: row.count > rule.limit, retryAfterSeconds };
}

/** Takes back one counted event (a sign-in that succeeded is not an attempt to guess). */
export async function refundRateLimit(key: string): Promise<void> {
  await db.$executeRaw`UPDATE "RateLimitBucket" SET "count" = GREATEST("count" - 1, 0) WHERE "key" = ${key}`;
}

/** Forgets the counts for `key` (a successful sign-in clears that account's failures). */
export async function clearRateLimit(key: string): Promise<void> {
  await db.rateLimitBucket.deleteMany({ where: { key } });
}

export function minutesText(seconds: number) {
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

// Activation: guessing member numbers or codes. A success is taken back.
export const ACTIVATION_PER_ACCOUNT: RateLimitRule = { limit: 10, windowSeconds: 60 * 60 };
export const ACTIVATION_PER_IP: RateLimitRule = { limit: 30, windowSeconds: 60 * 60 };
// Registration: counted whether or not the email has an account, so the throttle tells nothing.
// Per address it is a setting: a library or a classroom registers many readers from one address.
export const REGISTER_PER_IP: RateLimitRule = { limit: env.REGISTRATIONS_PER_ADDRESS_PER_HOUR, windowSeconds: 60 * 60 };
export const REGISTER_PER_EMAIL: RateLimitRule = { limit: 3, windowSeconds: 60 * 60 };
// Email change: each request checks the password and sends two emails.
export const EMAIL_CHANGE_PER_ACCOUNT: RateLimitRule = { limit: 5, windowSeconds: 60 * 60 };
