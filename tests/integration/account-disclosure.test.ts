// What activation, email change and registration give away to someone probing them: the same
// answer (and the same work) whether or not a record or an account exists, and a throttle.
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { ACTIVATION_REFUSED, activateMembership } from '@/lib/access/activate-membership';
import { confirmEmailChange } from '@/lib/auth/confirm-email-change';
import { hashPassword } from '@/lib/auth/password';
import { ACTIVATION_PER_ACCOUNT, ACTIVATION_PER_IP, REGISTER_PER_EMAIL, REGISTER_PER_IP } from '@/lib/auth/rate-limit';
import { registerUser } from '@/lib/auth/register-user';
import { requestEmailChange } from '@/lib/auth/request-email-change';
import { createMemberRecords } from '../support/member-records';
import { resetDatabase } from '../support/reset-db';

const PASSWORD = 'correct horse battery';

async function user(email: string, passwordHash = 'x') {
  return db.user.create({ data: { email, name: email.split('@')[0]!, passwordHash } });
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const mailsTo = (to: string) => db.outboxEmail.findMany({ where: { to }, orderBy: { createdAt: 'asc' } });

describe('activation gives nothing away and cannot be guessed', () => {
  beforeEach(async () => {
    await resetDatabase();
    await createMemberRecords([
      { memberNumber: 'AMA-1', lastName: 'Rivera' },
      { memberNumber: 'AMA-2', lastName: 'Chen', activationCode: 'CODE-42' },
      { memberNumber: 'AMA-3', lastName: 'Old', expiresAt: new Date(Date.now() - 1000) },
      { memberNumber: 'AMA-4', lastName: 'Ng' },
    ]);
  });

  it('answers not found, claimed by another account and expired with the same words', async () => {
    const owner = await user('owner@example.org');
    const prober = await user('prober@example.org');
    await activateMembership(owner.id, { memberNumber: 'AMA-1', lastName: 'Rivera' });
    const notFound = await refusal(activateMembership(prober.id, { memberNumber: 'AMA-999', lastName: 'Nobody' }));
    const claimed = await refusal(activateMembership(prober.id, { memberNumber: 'AMA-1', lastName: 'Rivera' }));
    const expired = await refusal(activateMembership(prober.id, { memberNumber: 'AMA-3', lastName: 'Old' }));
    expect(notFound).toBe(ACTIVATION_REFUSED);
    expect(claimed).toBe(notFound);
    expect(expired).toBe(notFound);
    // The holder alone hears that it is theirs already.
    expect(await refusal(activateMembership(owner.id, { memberNumber: 'AMA-1', lastName: 'Rivera' }))).toMatch(
      /already activated this subscription/,
    );
  });

  it('gives the loser of two simultaneous claims the same words', async () => {
    const a = await user('a@example.org');
    const b = await user('b@example.org');
    const results = await Promise.allSettled([
      activateMembership(a.id, { activationCode: 'code-42' }),
      activateMembership(b.id, { activationCode: 'CODE-42' }),
    ]);
    const lost = results.filter((r) => r.status === 'rejected');
    expect(lost).toHaveLength(1);
    expect(((lost[0] as PromiseRejectedResult).reason as Error).message).toBe(ACTIVATION_REFUSED);
  });

  it(`throttles an account after ${ACTIVATION_PER_ACCOUNT.limit} refused attempts in an hour, successes not counted`, async () => {
    const a = await user('a@example.org');
    for (let i = 0; i < ACTIVATION_PER_ACCOUNT.limit - 1; i++)
      expect(await refusal(activateMembership(a.id, { memberNumber: `AMA-X${i}`, lastName: 'Guess' }))).toBe(
        ACTIVATION_REFUSED,
      );
    // A success in between is not an attempt to guess.
    await activateMembership(a.id, { memberNumber: 'AMA-1', lastName: 'Rivera' });
    expect(await refusal(activateMembership(a.id, { memberNumber: 'AMA-X', lastName: 'Guess' }))).toBe(
      ACTIVATION_REFUSED,
    );
    // The 11th refusal: even the right details wait now.
    expect(await refusal(activateMembership(a.id, { memberNumber: 'AMA-4', lastName: 'Ng' }))).toMatch(
      /^Too many activation attempts\. Please wait 60 minutes/,
    );
    expect(await db.subscription.count()).toBe(1);
  });

  it(`throttles an address after ${ACTIVATION_PER_IP.limit} refused attempts across accounts`, async () => {
    const ip = '203.0.113.70';
    for (let i = 0; i < ACTIVATION_PER_IP.limit; i++) {
      const prober = await user(`p${i}@example.org`);
      await refusal(activateMembership(prober.id, { activationCode: `GUESS-${i}` }, { ip }));
    }
    const fresh = await user('fresh@example.org');
    expect(await refusal(activateMembership(fresh.id, { activationCode: 'CODE-42' }, { ip }))).toMatch(
      /Too many activation attempts/,
    );
    await expect(
      activateMembership(fresh.id, { activationCode: 'CODE-42' }, { ip: '203.0.113.71' }),
    ).resolves.toMatchObject({ userId: fresh.id });
  });
});

describe('changing the email address', () => {
  beforeEach(resetDatabase);

  const linkIn = (text: string) => /\/confirm-email\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1];

  it('needs the current password and changes nothing until the link sent to the new address is opened', async () => {
    const dana = await user('dana@example.org', await hashPassword(PASSWORD));
    await expect(
      requestEmailChange(dana.id, { email: 'new@example.org', currentPassword: 'wrong one' }),
    ).rejects.toThrow('Your current password is not correct.');
    expect(await db.outboxEmail.count()).toBe(0);

    await requestEmailChange(dana.id, { email: 'new@example.org', currentPassword: PASSWORD });
    expect((await db.user.findUniqueOrThrow({ where: { id: dana.id } })).email).toBe('dana@example.org');
    const [notice] = await mailsTo('dana@example.org');
    expect(notice!.subject).toBe('A change of your email address was requested');
    expect(notice!.text).toContain('new@example.org');
    const [link] = await mailsTo('new@example.org');
    const token = linkIn(link!.text)!;
    expect(token).toBeTruthy();
    expect(await db.pendingEmailChange.count({ where: { tokenHash: token } })).toBe(0); // only the hash is stored

    expect(await confirmEmailChange(token)).toBe(true);
    const after = await db.user.findUniqueOrThrow({ where: { id: dana.id } });
    expect(after.email).toBe('new@example.org');
    expect(after.emailVerifiedAt).not.toBeNull();
    expect((await mailsTo('dana@example.org')).map((m) => m.subject)).toEqual([
      'A change of your email address was requested',
      'Your email address was changed',
    ]);
    expect(await confirmEmailChange(token)).toBe(false); // single use
  });

  it('does the same for an address that already has an account, but sends it a note instead of a link', async () => {
    const hash = await hashPassword(PASSWORD);
    const dana = await user('dana@example.org', hash);
    const fox = await user('fox@example.org', hash);
    await user('taken@example.org');
    await expect(
      requestEmailChange(dana.id, { email: 'taken@example.org', currentPassword: PASSWORD }),
    ).resolves.toBeUndefined();
    await expect(
      requestEmailChange(fox.id, { email: 'free@example.org', currentPassword: PASSWORD }),
    ).resolves.toBeUndefined();

    const [note] = await mailsTo('taken@example.org');
    expect(note!.subject).toBe('Someone tried to use your email address');
    expect(linkIn(note!.text)).toBeUndefined();
    // Same stored request and the same notice to the old address on both paths.
    expect(await db.pendingEmailChange.count()).toBe(2);
    const [danaNotice] = await mailsTo('dana@example.org');
    const [foxNotice] = await mailsTo('fox@example.org');
    expect(danaNotice!.subject).toBe(foxNotice!.subject);
    expect((await db.user.findUniqueOrThrow({ where: { id: dana.id } })).email).toBe('dana@example.org');
  });

  // The same work on both paths, shown by what each writes (a timing ratio flickers on a loaded
  // machine): the request is stored and two emails go out, whether or not the address is taken.
  it('does the same writes whether or not the new address is registered', async () => {
    const hash = await hashPassword(PASSWORD);
    const a = await user('a@example.org', hash);
    const b = await user('b@example.org', hash);
    await user('taken@example.org', hash);
    await requestEmailChange(a.id, { email: 'free@example.org', currentPassword: PASSWORD });
    await requestEmailChange(b.id, { email: 'taken@example.org', currentPassword: PASSWORD });
    const written = async (userId: string, oldEmail: string, newEmail: string) => ({
      requests: await db.pendingEmailChange.count({ where: { userId, newEmail } }),
      toOld: (await mailsTo(oldEmail)).map((m) => m.subject),
      toNew: (await mailsTo(newEmail)).length,
    });
    const free = await written(a.id, 'a@example.org', 'free@example.org');
    expect(free).toEqual({ requests: 1, toOld: ['A change of your email address was requested'], toNew: 1 });
    expect(await written(b.id, 'b@example.org', 'taken@example.org')).toEqual(free);
  });

  it('refuses, neutrally, when the address got an account after the request', async () => {
    const dana = await user('dana@example.org', await hashPassword(PASSWORD));
    await requestEmailChange(dana.id, { email: 'new@example.org', currentPassword: PASSWORD });
    const token = linkIn((await mailsTo('new@example.org'))[0]!.text)!;
    await user('new@example.org');
    expect(await confirmEmailChange(token)).toBe(false);
    expect((await db.user.findUniqueOrThrow({ where: { id: dana.id } })).email).toBe('dana@example.org');
  });

  it('only the newest request’s link works', async () => {
    const dana = await user('dana@example.org', await hashPassword(PASSWORD));
    await requestEmailChange(dana.id, { email: 'first@example.org', currentPassword: PASSWORD });
    await requestEmailChange(dana.id, { email: 'second@example.org', currentPassword: PASSWORD });
    expect(await confirmEmailChange(linkIn((await mailsTo('first@example.org'))[0]!.text)!)).toBe(false);
    expect(await confirmEmailChange(linkIn((await mailsTo('second@example.org'))[0]!.text)!)).toBe(true);
  });

  it('throttles requests per account', async () => {
    const dana = await user('dana@example.org', await hashPassword(PASSWORD));
    for (let i = 0; i < 5; i++)
      await requestEmailChange(dana.id, { email: `n${i}@example.org`, currentPassword: 'wrong guess' }).catch(
        () => null,
      );
    await expect(requestEmailChange(dana.id, { email: 'n@example.org', currentPassword: PASSWORD })).rejects.toThrow(
      /Too many email change requests/,
    );
  });
});

describe('registration gives nothing away', () => {
  beforeEach(resetDatabase);

  // A missing hash would make "already registered" answer in a few milliseconds instead of a
  // hash's 150. One-sided on purpose: each path, interleaved with a bare hash, takes at least most
  // of a hash's time; a ratio between the paths also measures database noise and flickered in CI.
  it('hashes the password on both paths, so a registered email is not answered faster', async () => {
    const existing: number[] = [];
    const fresh: number[] = [];
    const bareHash: number[] = [];
    for (let i = 0; i < 10; i++) await user(`known${i}@example.org`);
    for (let i = 0; i < 10; i++) {
      bareHash.push(await timed(() => hashPassword(PASSWORD)));
      fresh.push(
        await timed(() =>
          registerUser({ name: 'New Reader', email: `new${i}@example.org`, password: PASSWORD, acceptTerms: 'on' }),
        ),
      );
      existing.push(
        await timed(() =>
          registerUser({ name: 'New Reader', email: `known${i}@example.org`, password: PASSWORD, acceptTerms: 'on' }),
        ),
      );
    }
    const figures = `existing ${median(existing)} ms, new ${median(fresh)} ms, a hash ${median(bareHash)} ms`;
    expect(median(existing), figures).toBeGreaterThan(0.7 * median(bareHash));
    expect(median(fresh), figures).toBeGreaterThan(0.7 * median(bareHash));
    // One email each way: a verification link, or a note to the owner.
    for (let i = 0; i < 10; i++) {
      expect(await db.outboxEmail.count({ where: { to: `new${i}@example.org` } })).toBe(1);
      expect(await db.outboxEmail.count({ where: { to: `known${i}@example.org` } })).toBe(1);
    }
  });

  it(`sends at most ${REGISTER_PER_EMAIL.limit} emails an hour to one address, registered or not, with the same words`, async () => {
    const answers: string[] = [];
    for (const email of ['known@example.org', 'brand-new@example.org']) {
      if (email === 'known@example.org') await user(email);
      for (let i = 0; i < REGISTER_PER_EMAIL.limit; i++)
        await registerUser({ name: 'Someone', email, password: PASSWORD, acceptTerms: 'on' }, `198.51.100.${i + 1}`);
      answers.push(
        await refusal(registerUser({ name: 'Someone', email, password: PASSWORD, acceptTerms: 'on' }, '198.51.100.99')),
      );
      expect(await db.outboxEmail.count({ where: { to: email } })).toBe(REGISTER_PER_EMAIL.limit);
    }
    expect(answers[0]).toMatch(/^Too many registration attempts\. Please wait 60 minutes/);
    expect(answers[1]).toBe(answers[0]);
  });

  it(`throttles one address after ${REGISTER_PER_IP.limit} registrations an hour`, async () => {
    const ip = '203.0.113.80';
    for (let i = 0; i < REGISTER_PER_IP.limit; i++)
      await registerUser({ name: 'Bulk', email: `bulk${i}@example.org`, password: PASSWORD, acceptTerms: 'on' }, ip);
    await expect(
      registerUser({ name: 'Bulk', email: 'one-more@example.org', password: PASSWORD, acceptTerms: 'on' }, ip),
    ).rejects.toThrow(/Too many registration attempts/);
    expect(await db.user.count({ where: { email: 'one-more@example.org' } })).toBe(0);
    await expect(
      registerUser(
        { name: 'Bulk', email: 'one-more@example.org', password: PASSWORD, acceptTerms: 'on' },
        '203.0.113.81',
      ),
    ).resolves.toBeUndefined();
  });
});
