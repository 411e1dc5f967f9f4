import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { registerUser } from '@/lib/auth/register-user';
import { verifyEmail } from '@/lib/auth/verify-email';
import { requestPasswordReset, RESET_TTL_MS } from '@/lib/auth/request-password-reset';
import { resetPassword, changePassword } from '@/lib/auth/set-password';
import { signInWithPassword } from '@/lib/auth/sign-in';
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
  await registerUser({ name: 'Dana Scully', email, password: PASSWORD });
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

  it('refuses a weak password with a clear message and creates nothing', async () => {
    await expect(registerUser({ name: 'A', email: 'a@example.org', password: 'short' })).rejects.toThrow(
      'Use at least 10 characters.',
    );
    await expect(registerUser({ name: 'A', email: 'a@example.org', password: 'password123' })).rejects.toThrow(
      /too easy to guess/,
    );
    expect(await db.user.count()).toBe(0);
  });

  it('does not reveal or duplicate an email that is already registered', async () => {
    await register();
    await expect(
      registerUser({ name: 'Someone Else', email: 'dana@example.org', password: 'another long passphrase' }),
    ).resolves.toBeUndefined();
    expect(await db.user.count()).toBe(1);
    const note = await db.outboxEmail.findFirstOrThrow({
      where: { to: 'dana@example.org' },
      orderBy: { createdAt: 'desc' },
    });
    expect(note.subject).toBe('Someone tried to register with your email');
  });

  it('resets a password through a one-hour, single-use link and ends older sessions', async () => {
    const user = await register();
    await requestPasswordReset(user.email, '198.51.100.1');
    const token = await lastLink(user.email, '/reset-password');
    await resetPassword(token, 'a brand new passphrase');
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword('a brand new passphrase', after.passwordHash)).toBe(true);
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    await expect(resetPassword(token, 'yet another passphrase')).rejects.toThrow(/invalid, already used or expired/);
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

describe('sign-in', () => {
  beforeEach(resetDatabase);

  it('signs in with the right password and gives the same answer for a wrong one or an unknown email', async () => {
    await register();
    await expect(
      signInWithPassword({ email: 'Dana@Example.org ', password: PASSWORD }, '198.51.100.1'),
    ).resolves.toMatchObject({ email: 'dana@example.org' });
    await expect(signInWithPassword({ email: 'dana@example.org', password: 'nope' }, '198.51.100.1')).rejects.toThrow(
      'Email or password is incorrect.',
    );
    await expect(signInWithPassword({ email: 'ghost@example.org', password: 'nope' }, '198.51.100.1')).rejects.toThrow(
      'Email or password is incorrect.',
    );
  });

  it('throttles per account after 5 attempts, registered or not, even with the right password', async () => {
    await register();
    for (const email of ['dana@example.org', 'ghost@example.org']) {
      for (let i = 0; i < 5; i++)
        await expect(signInWithPassword({ email, password: 'nope' }, `198.51.100.${i}`)).rejects.toThrow('incorrect');
      await expect(signInWithPassword({ email, password: PASSWORD }, '198.51.100.99')).rejects.toThrow(
        /Too many sign-in attempts/,
      );
    }
  });

  it('throttles per address across accounts', async () => {
    for (let i = 0; i < 30; i++)
      await expect(signInWithPassword({ email: `u${i}@example.org`, password: 'x' }, '203.0.113.50')).rejects.toThrow(
        'incorrect',
      );
    await expect(signInWithPassword({ email: 'fresh@example.org', password: 'x' }, '203.0.113.50')).rejects.toThrow(
      /Too many/,
    );
    await expect(signInWithPassword({ email: 'fresh@example.org', password: 'x' }, '203.0.113.51')).rejects.toThrow(
      'incorrect',
    );
  });

  it('refuses a disabled account', async () => {
    const user = await register();
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    await expect(signInWithPassword({ email: user.email, password: PASSWORD }, null)).rejects.toThrow(/disabled/);
  });

  it('rejects malformed and oversized input with a message', async () => {
    await expect(signInWithPassword({ email: 'not-an-email', password: 'x' }, null)).rejects.toThrow(
      'Enter a valid email address.',
    );
    await expect(signInWithPassword({ email: 'a@b.co', password: 'x'.repeat(10_000) }, null)).rejects.toThrow(
      'incorrect',
    );
    await expect(signInWithPassword(null, null)).rejects.toThrow();
  });
});

describe('sign-in throttling and successful sign-ins', () => {
  beforeEach(resetDatabase);

  it('does not count successful sign-ins against the address', async () => {
    await register();
    for (let i = 0; i < 40; i++)
      await signInWithPassword({ email: 'dana@example.org', password: PASSWORD }, '203.0.113.60');
    await expect(
      signInWithPassword({ email: 'dana@example.org', password: PASSWORD }, '203.0.113.60'),
    ).resolves.toMatchObject({ email: 'dana@example.org' });
  });
});
