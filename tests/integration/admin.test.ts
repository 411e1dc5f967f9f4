import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { decideAccess } from '@/lib/access/decide-access';
import { loadAccessFacts } from '@/lib/access/load-access-facts';
import {
  cancelSubscription,
  extendSubscription,
  grantComplimentary,
  refundLatestPayment,
} from '@/lib/admin/subscriptions';
import { refundPurchase } from '@/lib/admin/purchases';
import { createInstitution, updateInstitution } from '@/lib/admin/institutions';
import { importMembers } from '@/lib/admin/import-members';
import { setUserDisabled, setUserRole } from '@/lib/admin/users';
import { resetDatabase } from '../support/reset-db';

const DAY = 86_400_000;
let admin: CurrentUser;
let readerId: string;
let article: { id: string; isFree: boolean };

async function canRead(userId: string) {
  return decideAccess(await loadAccessFacts({ userId, ip: null }, article, new Date())).canRead;
}

beforeEach(async () => {
  await resetDatabase();
  const a = await db.user.create({
    data: { email: 'admin@example.org', name: 'Admin', passwordHash: 'x', role: 'admin' },
  });
  admin = { id: a.id, name: a.name, email: a.email, role: 'admin', emailVerified: true, sessionId: 'test-session' };
  readerId = (await db.user.create({ data: { email: 'reader@example.org', name: 'Reader', passwordHash: 'x' } })).id;
  const journal = await db.journal.create({ data: { slug: 'j', title: 'J', abbreviation: 'J' } });
  article = await db.article.create({
    data: {
      doi: '10.1000/x',
      journalId: journal.id,
      articleType: 'research-article',
      title: 'T',
      previewHtml: '<p>p</p>',
      fullTextHtml: '<p>f</p>',
    },
    select: { id: true, isFree: true },
  });
});

describe('admin: subscriptions', () => {
  it('grants a complimentary subscription that opens the full text at once, and logs it', async () => {
    expect(await canRead(readerId)).toBe(false);
    await grantComplimentary(admin, {
      email: 'reader@example.org',
      plan: 'annual',
      endsAt: new Date(Date.now() + 30 * DAY),
    });
    expect(await canRead(readerId)).toBe(true);
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: 'subscription.grant' } })).toMatchObject({
      actorEmail: 'admin@example.org',
      targetType: 'Subscription',
    });
  });

  it('refuses a grant to an unknown email or in the past, changing nothing', async () => {
    await expect(
      grantComplimentary(admin, { email: 'ghost@example.org', plan: 'annual', endsAt: new Date(Date.now() + DAY) }),
    ).rejects.toThrow(/No account uses/);
    await expect(
      grantComplimentary(admin, { email: 'reader@example.org', plan: 'annual', endsAt: new Date(Date.now() - DAY) }),
    ).rejects.toThrow(/future/);
    expect(await db.subscription.count()).toBe(0);
    expect(await db.auditEvent.count()).toBe(0);
  });

  it('extends, refuses a stale edit, and cancels now', async () => {
    const s = await grantComplimentary(admin, {
      email: 'reader@example.org',
      plan: 'annual',
      endsAt: new Date(Date.now() + DAY),
    });
    const extended = await extendSubscription(admin, {
      subscriptionId: s.id,
      endsAt: new Date(Date.now() + 60 * DAY),
      expectedUpdatedAt: s.updatedAt.toISOString(),
    });
    await expect(
      extendSubscription(admin, {
        subscriptionId: s.id,
        endsAt: new Date(Date.now() + 90 * DAY),
        expectedUpdatedAt: s.updatedAt.toISOString(),
      }),
    ).rejects.toThrow(/changed by someone else/);
    expect((await db.subscription.findUniqueOrThrow({ where: { id: s.id } })).currentPeriodEnd).toEqual(
      extended.currentPeriodEnd,
    );
    await cancelSubscription(admin, {
      subscriptionId: s.id,
      when: 'now',
      expectedUpdatedAt: extended.updatedAt.toISOString(),
    });
    expect(await canRead(readerId)).toBe(false);
  });
});

describe('admin: refunding a subscription payment', () => {
  it('revokes the subscription the latest paid invoice paid for, and refuses free ones', async () => {
    const sub = await db.subscription.create({
      data: {
        userId: readerId,
        plan: 'monthly',
        status: 'active',
        source: 'payment',
        startsAt: new Date(Date.now() - DAY),
        currentPeriodEnd: new Date(Date.now() + 29 * DAY),
        provider: 'local',
        providerSubscriptionId: 'lcs_test',
      },
    });
    await db.billingInvoice.create({
      data: {
        provider: 'local',
        providerInvoiceId: 'in_1',
        userId: readerId,
        providerSubscriptionId: 'lcs_test',
        providerPaymentId: 'pi_local_1',
        status: 'paid',
        amountCents: 2900,
        currency: 'usd',
        issuedAt: new Date(),
      },
    });
    expect(await canRead(readerId)).toBe(true);
    await refundLatestPayment(admin, { subscriptionId: sub.id });
    expect(await canRead(readerId)).toBe(false);
    expect((await db.subscription.findUniqueOrThrow({ where: { id: sub.id } })).revokedReason).toBe(
      'Refunded by admin@example.org',
    );
    const comp = await grantComplimentary(admin, {
      email: 'reader@example.org',
      plan: 'annual',
      endsAt: new Date(Date.now() + DAY),
    });
    await expect(refundLatestPayment(admin, { subscriptionId: comp.id })).rejects.toThrow(/no paid invoice/);
  });
});

describe('admin: purchases', () => {
  it('refunds a purchase: access ends at once, with the reason recorded, and only once', async () => {
    const confirmedAt = new Date();
    const p = await db.articlePurchase.create({
      data: {
        userId: readerId,
        articleId: article.id,
        confirmedAt,
        expiresAt: new Date(confirmedAt.getTime() + DAY),
        amountCents: 3000,
        currency: 'usd',
      },
    });
    expect(await canRead(readerId)).toBe(true);
    await refundPurchase(admin, { purchaseId: p.id });
    expect(await canRead(readerId)).toBe(false);
    expect((await db.articlePurchase.findUniqueOrThrow({ where: { id: p.id } })).revokedReason).toBe(
      'Refunded by admin@example.org',
    );
    await expect(refundPurchase(admin, { purchaseId: p.id })).rejects.toThrow(/already revoked/);
  });
});

describe('admin: institutions', () => {
  const base = { name: 'Mercy General', activeFrom: new Date(Date.now() - DAY), activeUntil: null };

  it('validates ranges, normalises them, and warns about overlaps with other institutions', async () => {
    await expect(createInstitution(admin, { ...base, ranges: ['203.0.113.0/24', 'not-a-range'] })).rejects.toThrow(
      /“not-a-range” is not an IPv4 or IPv6 range/,
    );
    expect(await db.institution.count()).toBe(0);
    const first = await createInstitution(admin, { ...base, ranges: ['203.0.113.7/24', '2001:db8:1::/48'] });
    expect(first.institution.ranges.map((r) => r.cidr).sort()).toEqual(['2001:db8:1::/48', '203.0.113.0/24']);
    expect(first.warnings).toEqual([]);
    const second = await createInstitution(admin, {
      ...base,
      name: 'Consortium',
      ranges: ['203.0.113.128/25', '2001:db8::/32'],
    });
    expect(second.warnings).toEqual([
      '203.0.113.128/25 overlaps 203.0.113.0/24 of Mercy General.',
      '2001:db8::/32 overlaps 2001:db8:1::/48 of Mercy General.',
    ]);
  });

  it('refuses an edit made on a stale form', async () => {
    const { institution } = await createInstitution(admin, { ...base, ranges: ['203.0.113.0/24'] });
    await updateInstitution(admin, {
      ...base,
      id: institution.id,
      expectedUpdatedAt: institution.updatedAt.toISOString(),
      ranges: ['198.51.100.0/24'],
    });
    await expect(
      updateInstitution(admin, {
        ...base,
        id: institution.id,
        expectedUpdatedAt: institution.updatedAt.toISOString(),
        ranges: ['192.0.2.0/24'],
      }),
    ).rejects.toThrow(/changed by someone else/);
    expect((await db.institutionRange.findMany()).map((r) => r.cidr)).toEqual(['198.51.100.0/24']);
  });
});

describe('admin: society member import', () => {
  it('imports the good rows in one go and lists each bad row by line with its reason', async () => {
    const csv = [
      'member_number,last_name,expires_on,plan,activation_code',
      'M-1,Rivera,2030-01-31,annual,',
      'M-2,,2030-01-31,annual,',
      'M-3,Chen,31/01/2030,annual,',
      'M-4,Okafor,2030-06-30,monthly,CODE-4',
    ].join('\n');
    const report = await importMembers(admin, { fileName: 'members.csv', csv });
    expect(report).toEqual({
      imported: 2,
      updated: 0,
      problems: [
        { line: 3, reason: 'last_name is empty' },
        { line: 4, reason: 'expires_on must be a date like 2027-12-31' },
      ],
    });
    expect((await db.memberRecord.findMany({ orderBy: { memberNumber: 'asc' } })).map((m) => m.memberNumber)).toEqual([
      'M-1',
      'M-4',
    ]);
  });

  it('imports nothing from a file that is not CSV, or whose codes belong to other members', async () => {
    await expect(
      importMembers(admin, {
        fileName: 'x.csv',
        csv: 'member_number,last_name,expires_on\n"unclosed,quote,2030-01-01',
      }),
    ).rejects.toThrow(/not valid CSV/);
    await db.memberRecord.create({
      data: { memberNumber: 'OLD', lastName: 'X', plan: 'annual', expiresAt: new Date(), activationCode: 'TAKEN' },
    });
    await expect(
      importMembers(admin, {
        fileName: 'x.csv',
        csv: 'member_number,last_name,expires_on,activation_code\nNEW,Y,2030-01-01,taken',
      }),
    ).rejects.toThrow(/already belong/);
    expect(await db.memberRecord.count()).toBe(1);
  });
});

describe('admin: users and the audit log', () => {
  it('disabling ends sessions (revoked, so re-enabling does not revive them); admins cannot lock themselves out', async () => {
    await db.userSession.create({ data: { userId: readerId, userAgent: 'Firefox on Linux' } });
    await setUserDisabled(admin, { userId: readerId, disabled: true });
    const after = await db.user.findUniqueOrThrow({ where: { id: readerId } });
    expect(after.disabledAt).not.toBeNull();
    expect(await db.userSession.count({ where: { userId: readerId, revokedAt: null } })).toBe(0);
    await expect(setUserDisabled(admin, { userId: admin.id, disabled: true })).rejects.toThrow(/your own account/);
    await expect(setUserRole(admin, { userId: admin.id, role: 'reader' })).rejects.toThrow(/your own admin role/);
  });

  it('keeps the audit log append-only, even for direct SQL', async () => {
    await setUserRole(admin, { userId: readerId, role: 'admin' });
    const event = await db.auditEvent.findFirstOrThrow();
    expect(event).toMatchObject({ action: 'user.role', before: { role: 'reader' }, after: { role: 'admin' } });
    await expect(db.auditEvent.update({ where: { id: event.id }, data: { summary: 'edited' } })).rejects.toThrow();
    await expect(db.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow();
    await db.$executeRaw`UPDATE "AuditEvent" SET "summary" = 'edited'`;
    await db.$executeRaw`DELETE FROM "AuditEvent"`;
    expect(await db.auditEvent.findMany()).toEqual([event]);
  });
});
