import { beforeAll, describe, expect, it } from 'vitest';
import type * as KnownDevice from '@/lib/auth/known-device';

let device: typeof KnownDevice;
beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = 'unit-tests-only-secret-0123456789abcdefghij';
  device = await import('@/lib/auth/known-device'); // lib/env reads the secret when first imported
});

describe('known-device cookie', () => {
  it('proves a device for the account it was set for, and for no other', () => {
    const value = device.rememberKnownDevice(null, 'user-a')!;
    expect(device.knownDeviceIdFor(value, 'user-a')).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(device.knownDeviceIdFor(value, 'user-b')).toBeNull();
  });

  it('is refused when altered, truncated or made up', () => {
    const value = device.rememberKnownDevice(null, 'user-a')!;
    const [id, mac] = value.split('.') as [string, string];
    const flipped = `${id}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`;
    for (const forged of [
      flipped,
      `${id}.${mac.slice(1)}`,
      `${'x'.repeat(22)}.${mac}`,
      '',
      'garbage',
      `${value}~${value}x`.slice(0, 10),
    ])
      expect(device.knownDeviceIdFor(forged, 'user-a')).toBeNull();
  });

  it('keeps one entry per account, the newest first, at most five, and keeps the device id', () => {
    let value: string | null = null;
    for (let i = 0; i < 7; i++) value = device.rememberKnownDevice(value, `user-${i}`);
    expect(value!.split('~')).toHaveLength(5);
    expect(device.knownDeviceIdFor(value, 'user-6')).not.toBeNull();
    expect(device.knownDeviceIdFor(value, 'user-0')).toBeNull();
    const id = device.knownDeviceIdFor(value, 'user-4');
    const again = device.rememberKnownDevice(value, 'user-4')!;
    expect(device.knownDeviceIdFor(again, 'user-4')).toBe(id);
    expect(again.split('~')[0]!.startsWith(`${id}.`)).toBe(true);
  });

  it('is read from a Cookie header among others, and set HttpOnly for the auth endpoints only', () => {
    expect(device.knownDeviceCookieFrom('a=1; journal.known-device=abc.def; b=2')).toBe('abc.def');
    expect(device.knownDeviceCookieFrom('a=1')).toBeNull();
    expect(device.knownDeviceSetCookie('v')).toMatch(
      /^journal\.known-device=v; Path=\/api\/auth; Max-Age=\d+; HttpOnly; SameSite=Lax/,
    );
  });
});
