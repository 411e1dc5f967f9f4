import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { env } from '@/lib/env';

/** One subscription an alert email comes from; its token unsubscribes that one and nothing else. */
export type AlertSubscription =
  | { kind: 'search'; savedSearchId: string }
  | { kind: 'issue'; userId: string; journalId: string }
  | { kind: 'comments'; userId: string; articleId: string };

const id = z.string().min(1).max(64);
const subscriptionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('search'), savedSearchId: id }).strict(),
  z.object({ kind: z.literal('issue'), userId: id, journalId: id }).strict(),
  z.object({ kind: z.literal('comments'), userId: id, articleId: id }).strict(),
]);

// A purpose of its own in the MAC, so no other HMAC of NEXTAUTH_SECRET (known-device cookies) can
// ever pass for an unsubscribe token.
const PURPOSE = 'journal.unsubscribe.v1\n';

function secret(): string {
  if (!env.NEXTAUTH_SECRET) throw new Error('NEXTAUTH_SECRET is not set: unsubscribe links cannot be signed.');
  return env.NEXTAUTH_SECRET;
}

const macOf = (payload: string) =>
  createHmac('sha256', secret())
    .update(PURPOSE + payload)
    .digest('base64url');

/**
 * `payload.mac`: the subscription as base64url JSON and an HMAC-SHA256 of it under NEXTAUTH_SECRET.
 * It needs no row of its own, cannot be guessed or altered to name another subscription, and keeps
 * working after the reader signed out (the point of a link in an email).
 */
export function createUnsubscribeToken(subscription: AlertSubscription): string {
  const payload = Buffer.from(JSON.stringify(subscriptionSchema.parse(subscription))).toString('base64url');
  return `${payload}.${macOf(payload)}`;
}

/** The subscription a token names, or null for anything not made by createUnsubscribeToken. */
export function readUnsubscribeToken(token: string): AlertSubscription | null {
  const match = /^([A-Za-z0-9_-]{8,600})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, payload = '', mac = ''] = match;
  const expected = Buffer.from(macOf(payload));
  if (!timingSafeEqual(expected, Buffer.from(mac))) return null;
  try {
    const parsed = subscriptionSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The address in the email (its footer and List-Unsubscribe): GET confirms, POST unsubscribes. */
export function unsubscribeUrl(subscription: AlertSubscription): string {
  return new URL(`/unsubscribe/${createUnsubscribeToken(subscription)}`, env.SITE_URL).toString();
}
