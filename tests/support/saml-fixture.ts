// The SAML integration tests' common ground: the test IdP's port (two suites at once give each
// its own, scripts/test.ts) and an empty database with an admin and Demo University Hospital,
// whose readers sign in at the test IdP.
import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { saveInstitutionIdp } from '@/lib/saml/save-institution-idp';
import { resetDatabase } from './reset-db';
import type { TestIdp } from './saml-test-idp';

export const TEST_IDP_PORT = Number(process.env.SAML_TEST_IDP_PORT ?? 4202);
export const LIBRARY_ENTITLEMENT = 'urn:mace:dir:entitlement:common-lib-terms';

export async function hospitalWithIdp(
  idp: TestIdp,
  {
    adminEmail = 'admin@example.com',
    entitlement = LIBRARY_ENTITLEMENT,
    ranges = [],
  }: { adminEmail?: string; entitlement?: string | null; ranges?: string[] } = {},
): Promise<{ admin: CurrentUser; institutionId: string }> {
  await resetDatabase();
  const user = await db.user.create({ data: { email: adminEmail, name: 'Admin', passwordHash: 'x', role: 'admin' } });
  const admin: CurrentUser = {
    id: user.id,
    name: user.name,
    email: user.email,
    role: 'admin',
    emailVerified: true,
    sessionId: 's',
  };
  const institution = await db.institution.create({
    data: {
      name: 'Demo University Hospital',
      activeFrom: new Date(Date.now() - 86_400_000),
      ranges: { create: ranges.map((cidr) => ({ cidr })) },
    },
  });
  await saveInstitutionIdp(admin, {
    institutionId: institution.id,
    metadataXml: idp.metadataXml,
    scopes: [],
    allowedAffiliations: [],
    entitlement,
  });
  return { admin, institutionId: institution.id };
}
