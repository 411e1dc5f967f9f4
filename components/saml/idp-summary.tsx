import { X509Certificate } from 'node:crypto';
import { certificatePem } from '@/lib/saml/parse-idp-metadata';
import { SAML_PATHS, spSettings } from '@/lib/saml/sp-settings';
import { formatDate, formatDateTime } from '@/lib/format-date';
import { getReaderTimeZone } from '@/lib/time-zone/get-reader-time-zone';

type Idp = {
  entityId: string;
  ssoUrl: string;
  signingCertificates: string[];
  scopes: string[];
  allowedAffiliations: string[];
  entitlement: string | null;
  updatedAt: Date;
};

function certificateLine(base64: string) {
  try {
    const c = new X509Certificate(certificatePem(base64));
    return `${c.subject.replace(/\n/g, ', ')}, valid until ${formatDate(new Date(c.validTo))}, SHA-256 ${c.fingerprint256.slice(0, 23)}…`;
  } catch {
    return 'unreadable certificate';
  }
}

/** What is set for the institution's identity provider, and what to register at the IdP. */
export async function IdpSummary({ idp }: { idp: Idp | null }) {
  const sp = spSettings();
  const timeZone = await getReaderTimeZone();
  return (
    <>
      {idp ? (
        <dl className="idp-summary">
          <dt>Identity provider (entityID)</dt>
          <dd>{idp.entityId}</dd>
          <dt>Sign-in address</dt>
          <dd>{idp.ssoUrl}</dd>
          <dt>Signing certificates</dt>
          {idp.signingCertificates.map((c) => (
            <dd key={c}>{certificateLine(c)}</dd>
          ))}
          <dt>Scopes</dt>
          <dd>{idp.scopes.join(', ') || 'none (any scope accepted)'}</dd>
          <dt>Affiliations that give access</dt>
          <dd>{idp.allowedAffiliations.join(', ')}</dd>
          <dt>Entitlement that gives access</dt>
          <dd>{idp.entitlement ?? 'none'}</dd>
          <dt>Last changed</dt>
          <dd>{formatDateTime(idp.updatedAt, timeZone)}</dd>
        </dl>
      ) : (
        <p>No identity provider is set: readers cannot sign in through this institution yet.</p>
      )}
      <p>
        Register this journal at the identity provider with our metadata:{' '}
        <a href={SAML_PATHS.metadata}>service provider metadata</a> (entityID {sp.entityId}, assertion consumer{' '}
        {sp.acsUrl}). It should release eduPersonScopedAffiliation, eduPersonEntitlement and a pairwise id (or
        eduPersonTargetedID).
      </p>
    </>
  );
}
