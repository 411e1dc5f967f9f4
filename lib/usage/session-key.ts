import { createHmac } from 'node:crypto';

export type SessionFacts = {
  sessionId: string | null;
  userId: string | null;
  ip: string | null;
  userAgent: string | null;
};

// A session makes many requests: its key is remembered (in memory only) rather than hashed again.
const remembered = new Map<string, string>();
const REMEMBER_AT_MOST = 2000;

/**
 * COUNTER's user-session (R5.1 §7.3): a logged session id + the date; else the user id + date +
 * hour; else address + user agent + date + hour. Kept only as a keyed hash, so neither the
 * address nor the session id can be read back from a stored event (IPv4 is too small a space for
 * a plain hash to hide an address).
 */
export function sessionKeyOf(facts: SessionFacts, at: Date, secret: string): string {
  const iso = at.toISOString();
  const day = iso.slice(0, 10);
  const hour = iso.slice(11, 13);
  const source = facts.sessionId
    ? `s|${facts.sessionId}|${day}`
    : facts.userId
      ? `u|${facts.userId}|${day}|${hour}`
      : `a|${facts.ip ?? ''}|${facts.userAgent ?? ''}|${day}|${hour}`;
  const memo = `${source}|${secret}`;
  const known = remembered.get(memo);
  if (known) return known;
  const key = createHmac('sha256', secret).update(source).digest('base64url').slice(0, 22);
  if (remembered.size >= REMEMBER_AT_MOST) remembered.clear();
  remembered.set(memo, key);
  return key;
}
