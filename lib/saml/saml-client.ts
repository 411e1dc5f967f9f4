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
 * Where node-saml records the AuthnRequest it builds: in PostgreSQL (every instance sees it), for
 * one institution, with the browser that asked for it. Only saving happens here: an answer takes
 * its request out first (complete-saml-sign-in.ts), then node-saml checks against that one.
 */
export function pendingRequestStore(
  institutionId: string,
  request: { returnTo: string; browserHash: string },
): CacheProvider {
  return {
    async saveAsync(key, value) {
      const createdAt = new Date(value);
      await db.samlAuthnRequest.create({ data: { id: key, institutionId, ...request, createdAt } });
      return { value, createdAt: createdAt.getTime() };
    },
    getAsync: () => Promise.resolve(null),
    removeAsync: () => Promise.resolve(null),
  };
}

/** The one request an answer may answer (already taken from the database, so used once). */
export function takenRequestCache(request: { id: string; createdAt: Date }): CacheProvider {
  return {
    saveAsync: () => Promise.reject(new Error('no request is made while an answer is checked')),
    getAsync: (key) => Promise.resolve(key === request.id ? request.createdAt.toISOString() : null),
    removeAsync: (key) => Promise.resolve(key),
  };
}

type ClientOptions = {
  cacheProvider?: CacheProvider;
  /** `never` only for an IdP-initiated answer, which answers no request. */
  validateInResponseTo?: ValidateInResponseTo;
  generateUniqueId?: () => string;
};

/** A node-saml service provider for one institution's IdP. */
export function samlClientFor(
  idp: IdpConfig,
  { cacheProvider, validateInResponseTo = ValidateInResponseTo.always, generateUniqueId }: ClientOptions = {},
) {
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
    validateInResponseTo,
    requestIdExpirationPeriodMs: REQUEST_LIFETIME_MS,
    ...(cacheProvider ? { cacheProvider } : {}),
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
