import 'server-only';
import { SAML, ValidateInResponseTo, type CacheProvider } from '@node-saml/node-saml';
import { db } from '@/lib/db';
import { certificatePem } from './parse-idp-metadata';
import { spSettings } from './sp-settings';

/** How long an AuthnRequest may wait for its answer (a sign-in with MFA can take a while). */
export const REQUEST_LIFETIME_MS = 15 * 60 * 1000;
/** Clocks of IdPs drift; Shibboleth's own default skew is 3 minutes. */
export const CLOCK_SKEW_MS = 3 * 60 * 1000;
/** An assertion is refused this long after it was issued, whatever its NotOnOrAfter says. */
export const MAX_ASSERTION_AGE_MS = 10 * 60 * 1000;

export type IdpConfig = { institutionId: string; entityId: string; ssoUrl: string; signingCertificates: string[] };

/**
 * The requests we sent, in PostgreSQL (every instance sees them), scoped to one institution so an
 * answer from one IdP can never use a request made to another. node-saml saves an id when it
 * builds an AuthnRequest, looks up the answer's InResponseTo and removes it once used.
 */
function requestStore(institutionId: string, returnTo: string): CacheProvider {
  return {
    async saveAsync(key, value) {
      const createdAt = new Date(value);
      await db.samlAuthnRequest.create({ data: { id: key, institutionId, returnTo, createdAt } });
      return { value, createdAt: createdAt.getTime() };
    },
    async getAsync(key) {
      const row = await db.samlAuthnRequest.findFirst({ where: { id: key, institutionId } });
      return row ? row.createdAt.toISOString() : null;
    },
    async removeAsync(key) {
      if (!key) return null;
      const { count } = await db.samlAuthnRequest.deleteMany({ where: { id: key, institutionId } });
      return count ? key : null;
    },
  };
}

/** A node-saml service provider for one institution's IdP. */
export function samlClientFor(idp: IdpConfig, returnTo = '/', generateUniqueId?: () => string) {
  const sp = spSettings();
  return new SAML({
    issuer: sp.entityId,
    callbackUrl: sp.acsUrl,
    audience: sp.entityId,
    entryPoint: idp.ssoUrl,
    idpIssuer: idp.entityId,
    idpCert: idp.signingCertificates.map(certificatePem),
    // Shibboleth and OpenAthens sign the assertion (not always the response): the assertion is
    // what must be signed, by the IdP's key from its metadata.
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: false,
    validateInResponseTo: ValidateInResponseTo.always,
    requestIdExpirationPeriodMs: REQUEST_LIFETIME_MS,
    cacheProvider: requestStore(idp.institutionId, returnTo),
    acceptedClockSkewMs: CLOCK_SKEW_MS,
    maxAssertionAgeMs: MAX_ASSERTION_AGE_MS,
    // No NameIDPolicy: IdPs release what the federation agreed (often transient + attributes).
    identifierFormat: null,
    disableRequestedAuthnContext: true,
    signatureAlgorithm: 'sha256',
    ...(generateUniqueId ? { generateUniqueId } : {}),
    ...(sp.privateKeyPem ? { privateKey: sp.privateKeyPem, decryptionPvk: sp.privateKeyPem } : {}),
  });
}
