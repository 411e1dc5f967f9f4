import { createHmac } from 'node:crypto';

export type SessionFacts = {
  sessionId: string | null;
  userId: string | null;
  ip: string | null;
  userAgent: string | null;
};

/**
 * COUNTER's user-session (R5.1 §7.3): a logged session id + the date; else the user id + date +
 * hour; else address + user agent + date + hour. Kept only as a keyed hash, so neither the
 * address nor the session id can be read back from a stored event (IPv4 is too small a space for
 * a plain hash to hide an address).
 */
export function sessionKeyOf(facts: SessionFacts, at: Date, secret: string): string {
  const day = at.toISOString().slice(0, 10);
  const hour = at.toISOString().slice(11, 13);
  const source = facts.sessionId
    ? `s|${facts.sessionId}|${day}`
    : facts.userId
      ? `u|${facts.userId}|${day}|${hour}`
      : `a|${facts.ip ?? ''}|${facts.userAgent ?? ''}|${day}|${hour}`;
  return createHmac('sha256', secret).update(source).digest('base64url').slice(0, 22);
}
