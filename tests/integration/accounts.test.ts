import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { LEGAL_DOCUMENTS } from '@/lib/site/legal-documents';
import { registerUser } from '@/lib/auth/register-user';
import { verifyEmail } from '@/lib/auth/verify-email';
import { requestPasswordReset, RESET_TTL_MS } from '@/lib/auth/request-password-reset';
import { resetPassword, changePassword } from '@/lib/auth/set-password';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { rememberKnownDevice } from '@/lib/auth/known-device';
import { signInKeys } from '@/lib/auth/sign-in-throttle';
import { createUserSession } from '@/lib/auth/user-sessions';
import { createUserToken } from '@/lib/auth/user-tokens';
import { verifyPassword } from '@/lib/auth/password';
import { resetDatabase } from '../support/reset-db';

const PASSWORD = 'correct horse battery';

async function lastLink(to: string, path: string): Promise<string> {
  const mail = await db.outboxEmail.findFirstOrThrow({ where: { to }, orderBy: { createdAt: 'desc' } });
  const match = new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match?.[1]) throw new Error(`no ${path} link in: ${mail.text}`);
  return match[1];
}

async function register(email = 'dana@example.org') {
  await registerUser({ name: 'Dana Scully', email, password: PASSWORD, acceptTerms: 'on' });
  return db.user.findUniqueOrThrow({ where: { email } });
}

describe('accounts', () => {
  beforeEach(resetDatabase);

  it('registers with a hashed password and a single-use verification link', async () => {
    const user = await register();
    expect(user.passwordHash).not.toContain(PASSWORD);
    expect(await verifyPassword(PASSWORD, user.passwordHash)).toBe(true);
    expect(user.emailVerifiedAt).toBeNull();
    const token = await lastLink(user.email, '/verify-email');
    expect(await db.userToken.count({ where: { tokenHash: token } })).toBe(0); // only the hash is stored
    expect(await verifyEmail(token)).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).not.toBeNull();
    expect(await verifyEmail(token)).toBe(false);
  });

  it('keeps the profession and specialty given, and the terms and privacy versions agreed to, with the time', async () => {
    const before = new Date();
    await registerUser({
      name: 'Fox Mulder',
      email: 'fox@example.org',
      password: PASSWORD,
      profession: 'Physician',
      specialty: 'Dermatology',
      acceptTerms: 'on',
    });
    const user = await db.user.findUniqueOrThrow({ where: { email: 'fox@example.org' }, include: { consents: true } });
    expect([user.profession, user.specialty]).toEqual(['Physician', 'Dermatology']);
    expect(user.consents.map((c) => [c.document, c.version]).sort()).toEqual([
      ['privacy', LEGAL_DOCUMENTS.privacy.version],
      ['terms', LEGAL_DOCUMENTS.terms.version],
    ]);
    for (const consent of user.consents)
      expect(consent.acceptedAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
  });

  it('refuses a weak password with a clear message and creates nothing', async () => {
    await expect(
      registerUser({ name: 'A', email: 'a@example.org', password: 'short', acceptTerms: 'on' }),
    ).rejects.toThrow('Use at least 10 characters.');
    await expect(
      registerUser({ name: 'A', email: 'a@example.org', password: 'password123', acceptTerms: 'on' }),
    ).rejects.toThrow(/too easy to guess/);
    expect(await db.user.count()).toBe(0);
  });

  it('does not reveal or duplicate an email that is already registered', async () => {
    await register();
    await expect(
      registerUser({
        name: 'Someone Else',
        email: 'dana@example.org',
        password: 'another long passphrase',
        acceptTerms: 'on',
      }),
    ).resolves.toBeUndefined();
    expect(await db.user.count()).toBe(1);
    const note = await db.outboxEmail.findFirstOrThrow({
      where: { to: 'dana@example.org' },
      orderBy: { createdAt: 'desc' },
    });
    expect(note.subject).toBe('Someone tried to register with your email');
  });

  it('resets a password through a one-hour, single-use link and ends every session', async () => {
    const user = await register();
    await createUserSession(user.id, 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0');
    await createUserSession(user.id, null);
    await requestPasswordReset(user.email, '198.51.100.1');
    const token = await lastLink(user.email, '/reset-password');
    await resetPassword(token, 'a brand new passphrase');
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword('a brand new passphrase', after.passwordHash)).toBe(true);
    expect(await db.userSession.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
    await expect(resetPassword(token, 'yet another passphrase')).rejects.toThrow(/invalid, already used or expired/);
  });

  it('refuses an older reset link once a newer one was used', async () => {
    const user = await register();
    await requestPasswordReset(user.email, '198.51.100.1');
    const older = await lastLink(user.email, '/reset-password');
    await requestPasswordReset(user.email, '198.51.100.1');
    const newer = await lastLink(user.email, '/reset-password');
    expect(newer).not.toBe(older);
    await resetPassword(newer, 'a brand new passphrase');
    await expect(resetPassword(older, 'an attacker passphrase')).rejects.toThrow(/invalid, already used or expired/);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword('a brand new passphrase', after.passwordHash)).toBe(true);
  });

  it('a weak password on the reset form keeps the link (and the others) usable', async () => {
    const user = await register();
    await requestPasswordReset(user.email, '198.51.100.1');
    const token = await lastLink(user.email, '/reset-password');
    await expect(resetPassword(token, 'dana likes long phrases')).rejects.toThrow(/email address/);
    await expect(resetPassword(token, 'a brand new passphrase')).resolves.toBeUndefined();
  });

  it('a password change uses up outstanding reset links and keeps only the session that changed it', async () => {
    const user = await register();
    const here = await createUserSession(user.id, null);
    const elsewhere = await createUserSession(user.id, null);
    await requestPasswordReset(user.email, '198.51.100.1');
    const token = await lastLink(user.email, '/reset-password');
    await changePassword(user.id, PASSWORD, 'a brand new passphrase', { keepSessionId: here });
    await expect(resetPassword(token, 'an attacker passphrase')).rejects.toThrow(/invalid, already used or expired/);
    const sessions = await db.userSession.findMany({ where: { userId: user.id } });
    expect(sessions.find((s) => s.id === here)?.revokedAt).toBeNull();
    expect(sessions.find((s) => s.id === elsewhere)?.revokedAt).not.toBeNull();
  });

  it('refuses an expired reset link', async () => {
    const user = await register();
    const token = await createUserToken(
      user.id,
      'reset_password',
      RESET_TTL_MS,
      new Date(Date.now() - RESET_TTL_MS - 1000),
    );
    await expect(resetPassword(token, 'a brand new passphrase')).rejects.toThrow(/expired/);
  });

  it('sends nothing for an unknown email, and says nothing different', async () => {
    await expect(requestPasswordReset('nobody@example.org', '198.51.100.1')).resolves.toBeUndefined();
    expect(await db.outboxEmail.count()).toBe(0);
  });

  it('throttles reset requests per account', async () => {
    const user = await register();
    for (let i = 0; i < 3; i++) await requestPasswordReset(user.email, `198.51.100.${i}`);
    await expect(requestPasswordReset(user.email, '198.51.100.9')).rejects.toThrow(/Too many reset requests/);
  });

  it('changes a password only with the current one', async () => {
    const user = await register();
    await expect(changePassword(user.id, 'wrong password', 'a brand new passphrase')).rejects.toThrow(
      'Your current password is not correct.',
    );
    await changePassword(user.id, PASSWORD, 'a brand new passphrase');
    expect(
      await verifyPassword(
        'a brand new passphrase',
        (await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash,
      ),
    ).toBe(true);
  });
});

const A = '198.51.100.10';
const B = '192.0.2.20';
const at = (start: Date, seconds: number) => new Date(start.getTime() + seconds * 1000);
/** The message a sign-in attempt was refused with. */
const refusalOf = (attempt: Promise<unknown>) =>
  attempt.then(
    () => 'signed in',
    (e: Error) => e.message,
  );

describe('sign-in', () => {
  beforeEach(resetDatabase);

  it('signs in with the right password and gives the same answer for a wrong one or an unknown email', async () => {
    await register();
    await expect(
      signInWithPassword({ email: 'Dana@Example.org ', password: PASSWORD }, { ip: A }),
    ).resolves.toMatchObject({ email: 'dana@example.org' });
    await expect(signInWithPassword({ email: 'dana@example.org', password: 'nope' }, { ip: A })).rejects.toThrow(
      'Email or password is incorrect.',
    );
    await expect(signInWithPassword({ email: 'ghost@example.org', password: 'nope' }, { ip: A })).rejects.toThrow(
      'Email or password is incorrect.',
    );
  });

  it('refuses a disabled account', async () => {
    const user = await register();
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    await expect(signInWithPassword({ email: user.email, password: PASSWORD }, { ip: null })).rejects.toThrow(
      /disabled/,
    );
  });

  it('rejects malformed and oversized input with a message', async () => {
    await expect(signInWithPassword({ email: 'not-an-email', password: 'x' }, { ip: null })).rejects.toThrow(
      'Enter a valid email address.',
    );
    await expect(signInWithPassword({ email: 'a@b.co', password: 'x'.repeat(10_000) }, { ip: null })).rejects.toThrow(
      'incorrect',
    );
    await expect(signInWithPassword(null, { ip: null })).rejects.toThrow();
  });
});

describe('sign-in throttling: slows guessing, never locks the owner out', () => {
  beforeEach(resetDatabase);

  it('guesses from address A do not stop the owner on address B, nor on A from a device they used before', async () => {
    const user = await register();
    const device = rememberKnownDevice(null, user.id); // what a successful sign-in set in the owner's browser
    const t0 = new Date();
    for (let i = 0; i < 6; i++)
      await expect(
        signInWithPassword({ email: user.email, password: `guess ${i}` }, { ip: A, now: at(t0, 0) }),
      ).rejects.toThrow(i < 5 ? 'incorrect' : /Too many sign-in attempts.*or reset your password\./);
    // The guesser on A waits, even with the right password, and no device cookie of the owner's.
    await expect(
      signInWithPassword({ email: user.email, password: PASSWORD }, { ip: A, now: at(t0, 1) }),
    ).rejects.toThrow(/Please wait 1 second and try again/);
    await expect(
      signInWithPassword({ email: user.email, password: PASSWORD }, { ip: B, now: at(t0, 1) }),
    ).resolves.toMatchObject({ id: user.id });
    await expect(
      signInWithPassword({ email: user.email, password: PASSWORD }, { ip: A, knownDevice: device, now: at(t0, 1) }),
    ).resolves.toMatchObject({ id: user.id });
  });

  it('the delay for one account from one address doubles with each further failure', async () => {
    const user = await register();
    let now = new Date();
    for (let i = 0; i < 5; i++)
      await expect(signInWithPassword({ email: user.email, password: 'nope' }, { ip: A, now })).rejects.toThrow(
        'incorrect',
      );
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const refusal = await refusalOf(signInWithPassword({ email: user.email, password: 'nope' }, { ip: A, now }));
      const wait = Number(/wait (\d+) seconds/.exec(refusal)?.[1]);
      waits.push(wait);
      now = at(now, wait); // the guesser waits exactly as long as told, then fails again
      await expect(signInWithPassword({ email: user.email, password: 'nope' }, { ip: A, now })).rejects.toThrow(
        'incorrect',
      );
    }
    expect(waits).toEqual([2, 4, 8, 16]);
  });

  it('30+ failures from one address across accounts: the delay grows for the guesser, a known device signs in', async () => {
    const owner = await register();
    const device = rememberKnownDevice(null, owner.id);
    let now = new Date();
    for (let i = 0; i < 30; i++)
      await expect(signInWithPassword({ email: `u${i}@example.org`, password: 'x' }, { ip: A, now })).rejects.toThrow(
        'incorrect',
      );
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const refusal = await refusalOf(
        signInWithPassword({ email: `v${i}@example.org`, password: 'x' }, { ip: A, now }),
      );
      expect(refusal).toMatch(/Too many sign-in attempts/);
      const wait = Number(/wait (\d+) seconds?/.exec(refusal)?.[1]);
      waits.push(wait);
      now = at(now, wait);
      await expect(signInWithPassword({ email: `w${i}@example.org`, password: 'x' }, { ip: A, now })).rejects.toThrow(
        'incorrect',
      );
    }
    expect(waits).toEqual([1, 2, 4, 8]);
    // Another account's owner at that address, on a device they signed in from before, is not slowed.
    await expect(
      signInWithPassword({ email: owner.email, password: PASSWORD }, { ip: A, knownDevice: device, now }),
    ).resolves.toMatchObject({ id: owner.id });
    // Nor is anyone elsewhere.
    await expect(signInWithPassword({ email: 'fresh@example.org', password: 'x' }, { ip: B, now })).rejects.toThrow(
      'incorrect',
    );
  });

  it('a device cookie counts only for its own account, and a stolen one is slowed by its own failures', async () => {
    const owner = await register();
    const other = await register('eve@example.org');
    const othersDevice = rememberKnownDevice(null, other.id);
    const device = rememberKnownDevice(null, owner.id);
    const now = new Date();
    for (let i = 0; i < 5; i++)
      await expect(
        signInWithPassword({ email: owner.email, password: 'nope' }, { ip: A, knownDevice: othersDevice, now }),
      ).rejects.toThrow('incorrect');
    // Eve's cookie is no proof for Dana's account: those five counted against A.
    await expect(
      signInWithPassword({ email: owner.email, password: 'nope' }, { ip: A, knownDevice: othersDevice, now }),
    ).rejects.toThrow(/Too many/);
    await expect(
      signInWithPassword({ email: owner.email, password: 'nope' }, { ip: A, knownDevice: `${device}x`, now }),
    ).rejects.toThrow(/Too many/);
    for (let i = 0; i < 10; i++)
      await expect(
        signInWithPassword({ email: owner.email, password: 'nope' }, { ip: B, knownDevice: device, now }),
      ).rejects.toThrow('incorrect');
    await expect(
      signInWithPassword({ email: owner.email, password: PASSWORD }, { ip: B, knownDevice: device, now }),
    ).rejects.toThrow(/Too many/);
  });

  it('a botnet guessing one account from many addresses is slowed; the owner on a known device is not', async () => {
    const owner = await register();
    const device = rememberKnownDevice(null, owner.id);
    const now = new Date();
    for (let i = 0; i < 3; i++)
      await expect(
        signInWithPassword({ email: owner.email, password: 'nope' }, { ip: `10.0.0.${i}`, now }),
      ).rejects.toThrow('incorrect');
    // 97 more, each from another address (stored as such rather than waiting for 97 password checks).
    await db.signInThrottle.update({ where: { key: signInKeys.account(owner.email) }, data: { failures: 100 } });
    await expect(
      signInWithPassword({ email: owner.email, password: PASSWORD }, { ip: '10.9.9.9', now }),
    ).rejects.toThrow(/Too many/);
    await expect(
      signInWithPassword({ email: owner.email, password: PASSWORD }, { ip: '10.9.9.9', knownDevice: device, now }),
    ).resolves.toMatchObject({ id: owner.id });
  });

  it('does not count successful sign-ins against the address', async () => {
    await register();
    for (let i = 0; i < 40; i++)
      await signInWithPassword({ email: 'dana@example.org', password: PASSWORD }, { ip: '203.0.113.60' });
    await expect(
      signInWithPassword({ email: 'dana@example.org', password: PASSWORD }, { ip: '203.0.113.60' }),
    ).resolves.toMatchObject({ email: 'dana@example.org' });
  });

  it('a password reset lets the owner sign in at once from an address that was being guessed from', async () => {
    const user = await register();
    for (let i = 0; i < 6; i++)
      await signInWithPassword({ email: user.email, password: 'nope' }, { ip: A }).catch(() => undefined);
    await requestPasswordReset(user.email, A);
    await resetPassword(await lastLink(user.email, '/reset-password'), 'a brand new passphrase');
    await expect(
      signInWithPassword({ email: user.email, password: 'a brand new passphrase' }, { ip: A }),
    ).resolves.toMatchObject({ id: user.id });
  });
});
