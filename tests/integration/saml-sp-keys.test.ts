// With the service provider's own key pair (as every deployment has): our AuthnRequests are
// signed and the IdP checks that signature against our metadata; assertions the IdP encrypts to
// our certificate are decrypted and verified. The key pair is set before the app's settings load.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSamlKeyPair } from '@/lib/saml/generate-saml-key-pair';
import { startTestIdp, type TestIdp } from '../support/saml-test-idp';

const IDP_PORT = Number(process.env.SAML_TEST_IDP_PORT ?? 4202) + 5;
let idp: TestIdp;
let institutionId: string;

beforeAll(async () => {
  const pair = await generateSamlKeyPair('journal-sp-test');
  process.env.SAML_SP_PRIVATE_KEY = pair.privateKeyPem;
  process.env.SAML_SP_CERTIFICATE = pair.certificatePem;
});
afterAll(() => idp?.stop());

describe('the service provider’s key pair', () => {
  it('signs AuthnRequests (the IdP verifies them) and reads encrypted assertions', async () => {
    const { spMetadataXml } = await import('@/lib/saml/sp-metadata');
    const metadata = spMetadataXml();
    expect(metadata).toContain('AuthnRequestsSigned="true"');
    expect(metadata).toMatch(/<KeyDescriptor use="signing">/);
    expect(metadata).toMatch(/<KeyDescriptor use="encryption">/);
    idp = await startTestIdp({
      port: IDP_PORT,
      spMetadataXml: metadata,
      encryptAssertions: true,
      requireSignedRequests: true,
    });

    const { db } = await import('@/lib/db');
    const { resetDatabase } = await import('../support/reset-db');
    await resetDatabase();
    const institution = await db.institution.create({ data: { name: 'Crypto General', activeFrom: new Date(0) } });
    institutionId = institution.id;
    const user = await db.user.create({
      data: { email: 'a@example.com', name: 'A', passwordHash: 'x', role: 'admin' },
    });
    const { saveInstitutionIdp } = await import('@/lib/saml/save-institution-idp');
    await saveInstitutionIdp(
      { id: user.id, name: 'A', email: user.email, role: 'admin', emailVerified: true, sessionId: 's' },
      { institutionId, metadataXml: idp.metadataXml, scopes: [], allowedAffiliations: [], entitlement: null },
    );

    const { startSamlSignIn } = await import('@/lib/saml/start-saml-sign-in');
    const { redirectUrl, browserNonce } = await startSamlSignIn({ institutionId, returnTo: '/' });
    const url = new URL(redirectUrl);
    expect(url.searchParams.get('SigAlg')).toBe('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
    expect((await fetch(redirectUrl)).status).toBe(200);
    // A request whose signature was altered is refused by the IdP.
    url.searchParams.set('RelayState', `${url.searchParams.get('RelayState')}x`);
    expect((await fetch(url)).status).toBe(400);

    const relayState = new URL(redirectUrl).searchParams.get('RelayState')!;
    const samlResponse = await idp.answer({ requestId: relayState, username: 'alice' });
    expect(Buffer.from(samlResponse, 'base64').toString()).toContain('EncryptedAssertion');
    const { completeSamlSignIn } = await import('@/lib/saml/complete-saml-sign-in');
    const signIn = await completeSamlSignIn({ samlResponse, relayState, browserNonce });
    expect(signIn.institution.name).toBe('Crypto General');
  });
});
