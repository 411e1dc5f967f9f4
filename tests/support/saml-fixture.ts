// The SAML integration tests' common ground: the test IdP's port (two suites at once give each
// its own, scripts/test.ts) and an empty database with an admin and Demo University Hospital,
// whose readers sign in at the test IdP.
import { expect } from 'vitest';
import { db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/current-user';
import { SamlRefusal } from '@/lib/saml/saml-refusal';
import { saveInstitutionIdp } from '@/lib/saml/save-institution-idp';
import { startSamlSignIn } from '@/lib/saml/start-saml-sign-in';
import { resetDatabase } from './reset-db';
import type { IdpScenario, TestIdp } from './saml-test-idp';

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

/**
 * A sign-in started here for `returnTo` and answered by the IdP for `username`: what the browser
 * posts back (its cookie's nonce included). `browserNonce` is the browser's cookie, if it has one.
 * The IdP first reads and accepts our AuthnRequest (its login page answers 200).
 */
export async function answeredSignIn(
  idp: TestIdp,
  {
    institutionId,
    username = 'alice',
    scenario = 'valid',
    browserNonce,
  }: { institutionId: string; username?: string; scenario?: IdpScenario; browserNonce?: string },
) {
  const started = await startSamlSignIn({ institutionId, returnTo: '/doi/10.1000/paid', browserNonce });
  const loginPage = await fetch(started.redirectUrl);
  expect(loginPage.status, await loginPage.clone().text()).toBe(200);
  const relayState = new URL(started.redirectUrl).searchParams.get('RelayState')!;
  const samlResponse = await idp.answer({ requestId: relayState, username, scenario });
  return { samlResponse, relayState, browserNonce: started.browserNonce };
}

/** The SamlRefusal a sign-in step ends with (the test fails if it succeeds or throws anything else). */
export async function refusalOf(promise: Promise<unknown>): Promise<SamlRefusal> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SamlRefusal);
  return error as SamlRefusal;
}
