import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { activateMembership } from '@/lib/access/activate-membership';
import { findInstitutionsForIp } from '@/lib/access/find-institutions-for-ip';
import { loadAccessFacts } from '@/lib/access/load-access-facts';
import { decideAccess } from '@/lib/access/decide-access';
import { listEntitlements } from '@/lib/access/list-entitlements';
import { createPaidArticle } from '../support/billing-fixtures';
import { createMemberRecords } from '../support/member-records';
import { resetDatabase } from '../support/reset-db';

const YEAR = 365 * 24 * 3600_000;

async function user(email: string) {
  return db.user.create({ data: { email, name: email.split('@')[0]!, passwordHash: 'x' } });
}

describe('activation of an existing subscription', () => {
  beforeEach(async () => {
    await resetDatabase();
    await createMemberRecords([
      { memberNumber: 'AMA-1', lastName: "O'Neil" },
      { memberNumber: 'AMA-2', lastName: 'Chen', activationCode: 'CODE-42' },
      { memberNumber: 'AMA-3', lastName: 'Old', expiresAt: new Date(Date.now() - 1000) },
    ]);
  });

  it('gives the first account a subscription and refuses a second account clearly', async () => {
    const first = await user('first@example.org');
    const second = await user('second@example.org');
    const subscription = await activateMembership(first.id, { memberNumber: 'AMA-1', lastName: "o'neil" });
    expect(subscription).toMatchObject({ userId: first.id, source: 'activation', status: 'active' });
    await expect(activateMembership(second.id, { memberNumber: 'AMA-1', lastName: "O'Neil" })).rejects.toThrow(
      /could not activate a subscription with those details/,
    );
    await expect(activateMembership(first.id, { memberNumber: 'AMA-1', lastName: "O'Neil" })).rejects.toThrow(
      /already activated this subscription/,
    );
    expect(await db.subscription.count()).toBe(1);
  });

  it('lets only one of two simultaneous claims win', async () => {
    const a = await user('a@example.org');
    const b = await user('b@example.org');
    const results = await Promise.allSettled([
      activateMembership(a.id, { activationCode: 'code-42' }),
      activateMembership(b.id, { activationCode: 'CODE-42' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db.subscription.count()).toBe(1);
  });

  it('refuses unknown details and expired records, creating nothing', async () => {
    const a = await user('a@example.org');
    await expect(activateMembership(a.id, { memberNumber: 'AMA-1', lastName: 'Wrong' })).rejects.toThrow(
      /could not activate a subscription with those details/,
    );
    await expect(activateMembership(a.id, { memberNumber: 'AMA-3', lastName: 'Old' })).rejects.toThrow(
      /could not activate a subscription with those details/,
    );
    expect(await db.subscription.count()).toBe(0);
  });

  it('opens paid articles and shows in My access', async () => {
    const a = await user('a@example.org');
    const article = await createPaidArticle();
    await activateMembership(a.id, { activationCode: 'CODE-42' });
    const decision = decideAccess(await loadAccessFacts({ userId: a.id, ip: null }, article, new Date()));
    expect(decision).toMatchObject({ canRead: true, source: 'subscription', via: 'activation' });
    expect(await listEntitlements(a.id, null)).toMatchObject([
      { kind: 'Subscription', source: 'Activated membership', status: 'active' },
    ]);
  });
});

describe('institution access by address range', () => {
  beforeEach(async () => {
    await resetDatabase();
    await db.institution.create({
      data: {
        name: 'Mercy General',
        activeFrom: new Date(Date.now() - YEAR),
        activeUntil: null,
        ranges: { create: [{ cidr: '203.0.113.0/24' }, { cidr: '2001:db8:1::/48' }] },
      },
    });
    await db.institution.create({
      data: {
        name: 'Lapsed College',
        activeFrom: new Date(Date.now() - 2 * YEAR),
        activeUntil: new Date(Date.now() - YEAR),
        ranges: { create: [{ cidr: '198.51.100.0/25' }] },
      },
    });
  });

  it.each([
    ['203.0.113.77', ['Mercy General']],
    ['203.0.114.1', []],
    ['2001:db8:1:ffff::5', ['Mercy General']],
    ['2001:db8:2::5', []],
    ['198.51.100.3', ['Lapsed College']],
  ])('matches %s', async (ip, names) => {
    expect((await findInstitutionsForIp(ip)).map((i) => i.name)).toEqual(names);
  });

  it('opens a paid article inside an active range only', async () => {
    const article = await createPaidArticle();
    const decide = async (ip: string) => decideAccess(await loadAccessFacts({ userId: null, ip }, article, new Date()));
    expect(await decide('203.0.113.77')).toEqual({
      canRead: true,
      source: 'institution',
      institution: 'Mercy General',
    });
    expect((await decide('198.51.100.3')).canRead).toBe(false); // lapsed
    expect((await decide('192.0.2.1')).canRead).toBe(false);
  });
});
