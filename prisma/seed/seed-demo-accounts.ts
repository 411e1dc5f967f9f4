import 'server-only';
import { db } from '@/lib/db';
import { hashPassword } from '@/lib/auth/password';
import { seedSamlIdp } from './seed-saml-idp';

export const DEMO_PASSWORD = 'journal-demo-2026';
const YEAR_MS = 365 * 24 * 3600_000;

/**
 * Demo accounts (listed in the README), a society member record to activate, and an
 * institution on documentation-only address ranges (RFC 5737 / RFC 3849).
 */
export async function seedDemoAccounts(now = new Date()): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const verified = { emailVerifiedAt: now, passwordHash };
  await db.user.create({ data: { email: 'reader@example.com', name: 'Riley Reader', ...verified } });
  await db.user.create({ data: { email: 'admin@example.com', name: 'Avery Admin', role: 'admin', ...verified } });
  await db.user.create({
    data: {
      email: 'subscriber@example.com',
      name: 'Sam Subscriber',
      ...verified,
      subscriptions: {
        create: {
          plan: 'annual',
          status: 'active',
          source: 'complimentary',
          startsAt: now,
          currentPeriodEnd: new Date(now.getTime() + YEAR_MS),
        },
      },
    },
  });
  await db.memberRecord.createMany({
    data: [
      { memberNumber: 'AMA-100200', lastName: 'Rivera', plan: 'annual', expiresAt: new Date(now.getTime() + YEAR_MS) },
      {
        memberNumber: 'AMA-100201',
        lastName: 'Chen',
        activationCode: 'DERM-2026-DEMO',
        plan: 'annual',
        expiresAt: new Date(now.getTime() + YEAR_MS),
      },
    ],
  });
  const institution = await db.institution.create({
    data: {
      name: 'Demo University Hospital',
      activeFrom: now,
      activeUntil: new Date(now.getTime() + YEAR_MS),
      ranges: { create: [{ cidr: '203.0.113.0/24' }, { cidr: '2001:db8:1::/48' }] },
    },
  });
  await seedSamlIdp(institution.id);
  // The institution's own administrator, for the librarian portal (/librarian).
  await db.user.create({
    data: {
      email: 'librarian@example.com',
      name: 'Lee Librarian',
      ...verified,
      librarianOf: { create: { institutionId: institution.id } },
    },
  });
  console.log(`Demo accounts: reader@, subscriber@, admin@, librarian@example.com (password ${DEMO_PASSWORD}).`);
}
