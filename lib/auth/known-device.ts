import 'server-only';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';

/**
 * "Known device" cookie: proof that this browser signed in to an account before, so sign-in
 * throttling aimed at strangers (per account+address, per address, per account) never slows
 * the owner there. Each entry is `deviceId.mac` with mac = HMAC-SHA256(NEXTAUTH_SECRET,
 * userId.deviceId): it cannot be forged or moved to another account, and does not name the
 * account. A shared computer keeps one entry per account, newest first.
 */
export const KNOWN_DEVICE_COOKIE = 'journal.known-device';
const MAX_ENTRIES = 5;
const MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

function macOf(secret: string, userId: string, deviceId: string) {
  return createHmac('sha256', secret).update(`${userId}.${deviceId}`).digest('base64url');
}

function entriesOf(cookieValue: string | null | undefined): string[] {
  return (cookieValue ?? '').split('~').filter((e) => /^[A-Za-z0-9_-]{16,64}\.[A-Za-z0-9_-]{43}$/.test(e));
}

/** The device id this cookie value proves for `userId`, or null (no cookie, forged, another account's). */
export function knownDeviceIdFor(cookieValue: string | null | undefined, userId: string): string | null {
  const secret = env.NEXTAUTH_SECRET;
  if (!secret) return null;
  for (const entry of entriesOf(cookieValue)) {
    const [deviceId = '', mac = ''] = entry.split('.');
    const expected = Buffer.from(macOf(secret, userId, deviceId));
    if (expected.length === mac.length && timingSafeEqual(expected, Buffer.from(mac))) return deviceId;
  }
  return null;
}

/** The cookie value after a successful sign-in: this account's entry first (kept, or new). */
export function rememberKnownDevice(cookieValue: string | null | undefined, userId: string): string | null {
  const secret = env.NEXTAUTH_SECRET;
  if (!secret) return null;
  const deviceId = knownDeviceIdFor(cookieValue, userId) ?? randomBytes(16).toString('base64url');
  const entry = `${deviceId}.${macOf(secret, userId, deviceId)}`;
  return [entry, ...entriesOf(cookieValue).filter((e) => e !== entry)].slice(0, MAX_ENTRIES).join('~');
}

/** Set-Cookie for the value: HttpOnly, sent only to the auth endpoints (never to cached pages). */
export function knownDeviceSetCookie(value: string): string {
  const secure = env.SITE_URL.startsWith('https://') ? '; Secure' : '';
  return `${KNOWN_DEVICE_COOKIE}=${value}; Path=/api/auth; Max-Age=${MAX_AGE_SECONDS}; HttpOnly; SameSite=Lax${secure}`;
}

/** The cookie's value from a Cookie request header. */
export function knownDeviceCookieFrom(cookieHeader: string | null | undefined): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === KNOWN_DEVICE_COOKIE) return rest.join('=');
  }
  return null;
}
