import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import type { TokenPurpose } from '@/generated/prisma/client';

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
