import 'server-only';
import { DOMParser } from '@xmldom/xmldom';
import { ValidateInResponseTo, type CacheProvider } from '@node-saml/node-saml';
import { Prisma, type InstitutionIdp } from '@/generated/prisma/client';
import { safeReturnTo } from '@/lib/auth/safe-return-to';
import { db } from '@/lib/db';
import { hashInstitutionToken } from './institution-session-cookie';
import { REQUEST_LIFETIME_MS, takenRequestCache, type IdpConfig } from './saml-client';
import { SamlRefusal } from './saml-refusal';

const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';
const SAMLP = 'urn:oasis:names:tc:SAML:2.0:protocol';

export type AnsweredRequest = {
  idp: IdpConfig &
    Pick<InstitutionIdp, 'scopes' | 'allowedAffiliations' | 'entitlement'> & {
      institution: { id: string; name: string };
    };
  returnTo: string;
  cacheProvider?: CacheProvider;
  validateInResponseTo: ValidateInResponseTo;
};

/**
 * What an answer says it is, before anything is verified: only to find the request (or, for an
 * IdP-initiated answer, the IdP) whose rules then verify it.
 */
function claimsOf(samlResponse: string): { issuer: string | null; inResponseTo: string | null } {
  try {
    const xml = Buffer.from(samlResponse, 'base64').toString('utf8');
    const root = new DOMParser({ onError: () => {} }).parseFromString(xml, 'text/xml').documentElement;
    if (!root || root.namespaceURI !== SAMLP || root.localName !== 'Response')
      return { issuer: null, inResponseTo: null };
    const confirmationData = Array.from(root.getElementsByTagNameNS(SAML, 'SubjectConfirmationData'));
    const inResponseTo =
      root.getAttribute('InResponseTo') ||
      confirmationData.map((d) => d.getAttribute('InResponseTo')).find(Boolean) ||
      null;
    const issuer = Array.from(root.childNodes).find((n) => n.nodeType === 1 && n.localName === 'Issuer');
    return { issuer: issuer?.textContent?.trim() || null, inResponseTo };
  } catch {
    return { issuer: null, inResponseTo: null };
  }
}

/**
 * The request an answer may answer, taken out of the database so that it answers once, whether
 * the answer then passes or not: named by RelayState, the same as the answer's InResponseTo, sent
 * less than 15 minutes ago, and started in this browser (`browserNonce`, from its cookie, hashes to
 * what the request kept). Anything else is someone else's sign-in (login CSRF) or a replay. An
 * answer that answers no request (IdP-initiated, from the institution's portal) is taken only when
 * that institution allows it; its RelayState is a path on this site, or the home page.
 */
export async function takeAnsweredRequest({
  samlResponse,
  relayState,
  browserNonce,
}: {
  samlResponse: string;
  relayState: string | null;
  browserNonce: string | null;
}): Promise<AnsweredRequest> {
  const claims = claimsOf(samlResponse);
  if (!claims.inResponseTo) {
    const idp = claims.issuer
      ? await db.institutionIdp.findUnique({
          where: { entityId: claims.issuer },
          include: { institution: { select: { id: true, name: true } } },
        })
      : null;
    if (!idp) throw new SamlRefusal('unknown_request');
    if (!idp.allowIdpInitiated)
      throw new SamlRefusal(
        'unsolicited',
        `${idp.institution.name} has not agreed to sign-ins started from its own portal here. Nothing was changed. Please open the article on this site and choose “Access through your institution”.`,
      );
    return { idp, returnTo: safeReturnTo(relayState, '/'), validateInResponseTo: ValidateInResponseTo.never };
  }

  let request;
  try {
    request = relayState
      ? await db.samlAuthnRequest.delete({
          where: { id: relayState },
          include: { institution: { select: { id: true, name: true, idp: true } } },
        })
      : null;
  } catch (error) {
    // Taken already (used, or answered twice at once): P2025, no such row.
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025')) throw error;
    request = null;
  }
  const idp = request?.institution.idp;
  if (
    !request ||
    !idp ||
    request.id !== claims.inResponseTo ||
    request.createdAt.getTime() < Date.now() - REQUEST_LIFETIME_MS
  )
    throw new SamlRefusal('unknown_request');
  if (hashInstitutionToken(browserNonce) !== request.browserHash) throw new SamlRefusal('wrong_browser');
  return {
    idp: { ...idp, institution: { id: request.institution.id, name: request.institution.name } },
    returnTo: request.returnTo,
    cacheProvider: takenRequestCache(request),
    validateInResponseTo: ValidateInResponseTo.always,
  };
}
