import 'server-only';
import { createHash, randomBytes } from 'node:crypto';

export const EMAIL_CHANGE_TTL_MS = 24 * 3600_000;

/** A new link token and the hash stored for it (the token itself only goes into the email). */
export function newEmailChangeToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashEmailChangeToken(token) };
}

export const hashEmailChangeToken = (token: string) => createHash('sha256').update(token).digest('hex');
