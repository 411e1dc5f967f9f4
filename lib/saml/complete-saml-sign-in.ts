import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { Prisma } from '@/generated/prisma/client';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { now as clockNow } from '@/lib/clock';
import { hashInstitutionToken } from './institution-session-cookie';
import { mapSamlAttributes, type SamlProfileFacts } from './map-saml-attributes';
import { REQUEST_LIFETIME_MS, samlClientFor } from './saml-client';
import { takeAnsweredRequest } from './take-answered-request';
import { refusalForLibraryError, SamlRefusal } from './saml-refusal';
import { spSettings } from './sp-settings';

const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';
const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';

export type SamlSignIn = {
  token: string;
  expiresAt: Date;
  institution: { id: string; name: string };
  returnTo: string;
};

function parse(xml: string): Element | null {
  try {
    return new DOMParser({ onError: () => {} }).parseFromString(xml, 'text/xml').documentElement ?? null;
  } catch {
    return null;
  }
}

/**
 * What node-saml leaves to us, on the assertion it verified: the bearer confirmation must name
 * our ACS as Recipient (saml-profiles §4.1.4.2), the Response's Destination (when there) too.
 */
function checkAddressedToUs(assertion: Element, response: Element | null, acsUrl: string) {
  const destination = response?.getAttribute('Destination');
  if (destination && destination !== acsUrl) throw new SamlRefusal('wrong_recipient');
  const confirmations = Array.from(assertion.getElementsByTagNameNS(SAML, 'SubjectConfirmation')).filter(
    (c) => c.getAttribute('Method') === BEARER,
  );
  const data = confirmations.flatMap((c) => Array.from(c.getElementsByTagNameNS(SAML, 'SubjectConfirmationData')));
  if (!data.length || data.some((d) => d.getAttribute('Recipient') !== acsUrl))
    throw new SamlRefusal('wrong_recipient');
}

function attributeOf(element: Element | undefined, name: string): Date | null {
  const value = element?.getAttribute(name);
  return value && !Number.isNaN(Date.parse(value)) ? new Date(value) : null;
}

/**
 * Verifies an institution's answer (HTTP-POST binding) and opens an institution session: the
 * request it answers, started in this browser, used once (or, when the institution allows it, no
 * request: IdP-initiated), the IdP's signature on the assertion, issuer, audience, time
 * conditions, recipient, one use per assertion, and the attributes that grant the institution's
 * access. Any failure refuses with a SamlRefusal and opens nothing.
 */
export async function completeSamlSignIn(
  {
    samlResponse,
    relayState,
    browserNonce = null,
  }: { samlResponse: string; relayState: string | null; browserNonce?: string | null },
  now = clockNow(),
): Promise<SamlSignIn> {
  const { idp, returnTo, cacheProvider, validateInResponseTo } = await takeAnsweredRequest({
    samlResponse,
    relayState,
    browserNonce,
  });
  const sp = spSettings();
  let profile;
  try {
    ({ profile } = await samlClientFor(idp, { cacheProvider, validateInResponseTo }).validatePostResponseAsync({
      SAMLResponse: samlResponse,
    }));
  } catch (error) {
    console.warn(`SAML answer from ${idp.entityId} refused: ${(error as Error).message}`);
    throw refusalForLibraryError(error);
  }
  const assertion = profile?.getAssertionXml ? parse(profile.getAssertionXml()) : null;
  if (!profile || !assertion) throw new SamlRefusal('unreadable');
  checkAddressedToUs(assertion, profile.getSamlResponseXml ? parse(profile.getSamlResponseXml()) : null, sp.acsUrl);

  const conditions = Array.from(assertion.getElementsByTagNameNS(SAML, 'Conditions'))[0];
  const authnStatement = Array.from(assertion.getElementsByTagNameNS(SAML, 'AuthnStatement'))[0];
  const assertionId = assertion.getAttribute('ID') ?? '';
  if (!assertionId) throw new SamlRefusal('unreadable');
  const useExpiresAt = new Date(
    Math.max(attributeOf(conditions, 'NotOnOrAfter')?.getTime() ?? 0, Date.now() + REQUEST_LIFETIME_MS) + 3600_000,
  );
  try {
    await db.samlAssertionUse.create({
      data: {
        id: createHash('sha256').update(`${idp.entityId}|${assertionId}`).digest('hex'),
        expiresAt: useExpiresAt,
      },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
      throw new SamlRefusal('replayed');
    throw error;
  }

  const facts: SamlProfileFacts = {
    nameId: profile.nameID ?? null,
    nameIdFormat: profile.nameIDFormat ?? null,
    attributes: (profile.attributes as Record<string, unknown> | undefined) ?? {},
  };
  const outcome = mapSamlAttributes(facts, {
    scopes: idp.scopes,
    allowedAffiliations: idp.allowedAffiliations,
    entitlement: idp.entitlement,
  });
  if (!outcome.isEntitled) throw new SamlRefusal('not_entitled', outcome.message);

  const sessionEnd = attributeOf(authnStatement, 'SessionNotOnOrAfter');
  const hoursLater = new Date(now.getTime() + env.SAML_SESSION_HOURS * 3600_000);
  const expiresAt = sessionEnd && sessionEnd < hoursLater ? sessionEnd : hoursLater;
  const token = randomBytes(32).toString('base64url');
  await db.institutionSession.create({
    data: {
      tokenHash: hashInstitutionToken(token)!,
      institutionId: idp.institution.id,
      // Hashed with the IdP's entityID: the same person is the same across visits, and the raw
      // id (already pairwise) is never stored.
      subjectHash: outcome.persistentId
        ? createHash('sha256').update(`${idp.entityId}|${outcome.persistentId}`).digest('hex')
        : null,
      affiliations: outcome.affiliations.slice(0, 20),
      expiresAt,
    },
  });
  // Sessions and used assertions past their end are of no use.
  await db.institutionSession.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 86_400_000) } } });
  await db.samlAssertionUse.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  return {
    token,
    expiresAt,
    institution: idp.institution,
    returnTo,
  };
}
