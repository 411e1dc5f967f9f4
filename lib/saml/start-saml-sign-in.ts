import 'server-only';
import { randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import { NotFoundError } from '@/lib/errors/app-error';
import { hashInstitutionToken, newRandomToken } from './institution-session-cookie';
import { pendingRequestStore, REQUEST_LIFETIME_MS, samlClientFor } from './saml-client';

/**
 * Starts a sign-in at the institution's identity provider: records the AuthnRequest (its id comes
 * back as InResponseTo, and as RelayState) with the browser that asked (the hash of its random
 * `browserNonce`, kept from an earlier sign-in when the browser has one, so sign-ins in two tabs
 * both work), and returns the IdP address to send the browser to (HTTP-Redirect binding, signed
 * when the SP has a key) and the nonce for the browser's cookie.
 */
export async function startSamlSignIn({
  institutionId,
  returnTo,
  browserNonce,
}: {
  institutionId: string;
  returnTo: string;
  browserNonce?: string | null;
}): Promise<{ redirectUrl: string; institutionName: string; browserNonce: string }> {
  const idp = await db.institutionIdp.findUnique({
    where: { institutionId },
    include: { institution: { select: { name: true } } },
  });
  if (!idp) throw new NotFoundError('This institution does not offer sign-in through its own system here.');
  // Unanswered requests past their lifetime are of no use to anyone.
  await db.samlAuthnRequest.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - REQUEST_LIFETIME_MS) } } });
  const nonce = hashInstitutionToken(browserNonce) ? browserNonce! : newRandomToken();
  const id = `_${randomBytes(20).toString('hex')}`;
  const client = samlClientFor(idp, {
    cacheProvider: pendingRequestStore(institutionId, { returnTo, browserHash: hashInstitutionToken(nonce)! }),
    generateUniqueId: () => id,
  });
  const redirectUrl = await client.getAuthorizeUrlAsync(id, undefined, {});
  return { redirectUrl, institutionName: idp.institution.name, browserNonce: nonce };
}
