import 'server-only';
import { randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';
import { REQUEST_LIFETIME_MS, samlClientFor } from './saml-client';

/**
 * Starts a sign-in at the institution's identity provider: records the AuthnRequest (its id comes
 * back as InResponseTo, and as RelayState) and returns the IdP address to send the browser to
 * (HTTP-Redirect binding, signed when the SP has a key).
 */
export async function startSamlSignIn({
  institutionId,
  returnTo,
}: {
  institutionId: string;
  returnTo: string;
}): Promise<{ redirectUrl: string; institutionName: string }> {
  const idp = await db.institutionIdp.findUnique({
    where: { institutionId },
    include: { institution: { select: { name: true } } },
  });
  if (!idp) throw new NotFoundError('This institution does not offer sign-in through its own system here.');
  // Unanswered requests past their lifetime are of no use to anyone.
  await db.samlAuthnRequest.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - REQUEST_LIFETIME_MS) } } });
  const id = `_${randomBytes(20).toString('hex')}`;
  const client = samlClientFor(idp, returnTo, () => id);
  const redirectUrl = await client.getAuthorizeUrlAsync(id, undefined, {});
  return { redirectUrl, institutionName: idp.institution.name };
}
