import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import type { Prisma, TokenPurpose } from '@/generated/prisma/client';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Creates a single-use token; only its hash is stored, the token itself goes into the emailed link. */
export async function createUserToken(
  userId: string,
  purpose: TokenPurpose,
  ttlMs: number,
  now = new Date(),
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.userToken.create({
    data: { userId, purpose, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + ttlMs) },
  });
  return token;
}

/**
 * Uses a token up: returns its user id if the token exists for this purpose, is unused and
 * unexpired, else null. The update is conditional, so two clicks cannot both succeed.
 */
export async function consumeUserToken(token: string, purpose: TokenPurpose, now = new Date()): Promise<string | null> {
  const tokenHash = hashToken(token);
  const used = await db.userToken.updateManyAndReturn({
    where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
    select: { userId: true },
  });
  return used[0]?.userId ?? null;
}

/** The user a valid (unused, unexpired) token belongs to, without using it up. */
export async function findUserOfToken(token: string, purpose: TokenPurpose, now = new Date()): Promise<string | null> {
  const found = await db.userToken.findFirst({
    where: { tokenHash: hashToken(token), purpose, usedAt: null, expiresAt: { gt: now } },
    select: { userId: true },
  });
  return found?.userId ?? null;
}

/**
 * Uses up `token` and, in the same statement, every other outstanding token of its user for
 * this purpose (an older reset link must not outlive the newer one that was used). Returns the
 * user id, or null if `token` was not valid; of two links used at once, one wins.
 */
export async function consumeUserTokens(
  token: string,
  purpose: TokenPurpose,
  { now = new Date(), client = db }: { now?: Date; client?: Prisma.TransactionClient } = {},
): Promise<string | null> {
  const tokenHash = hashToken(token);
  const used = await client.$queryRaw<{ userId: string; tokenHash: string }[]>`
    UPDATE "UserToken" SET "usedAt" = ${now}
    WHERE "purpose" = ${purpose}::"TokenPurpose" AND "usedAt" IS NULL
      AND "userId" = (SELECT "userId" FROM "UserToken" WHERE "tokenHash" = ${tokenHash}
                      AND "purpose" = ${purpose}::"TokenPurpose" AND "usedAt" IS NULL AND "expiresAt" > ${now})
    RETURNING "userId", "tokenHash"`;
  return used.find((row) => row.tokenHash === tokenHash)?.userId ?? null;
}

/** Uses up every outstanding token of the user for this purpose (a password change ends reset links). */
export async function consumeUserTokensOf(
  userId: string,
  purpose: TokenPurpose,
  { now = new Date(), client = db }: { now?: Date; client?: Prisma.TransactionClient } = {},
): Promise<void> {
  await client.userToken.updateMany({ where: { userId, purpose, usedAt: null }, data: { usedAt: now } });
}
