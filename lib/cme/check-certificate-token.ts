import 'server-only';
import { env } from '@/lib/env';
import { CME_PROVIDER } from './accreditation';
import { listClaimMismatches, toCertificateClaims } from './certificate-claims';
import { verifyCertificateToken } from './certificate-token';
import { getSigningKey } from './signing-key';

export type CertificateTokenStatus =
  | { kind: 'valid'; kid: string; isDevelopmentKey: boolean; isEarlierKey: boolean }
  | { kind: 'invalid'; reason: string };

/**
 * Checks a token presented with a certificate (from its QR code or link) as an offline checker
 * would, against our published key, and that it describes this certificate as we recorded it.
 */
export function checkCertificateToken(
  cert: Parameters<typeof toCertificateClaims>[0],
  token: string,
): CertificateTokenStatus {
  const { publicJwk, publishedKeys, isDevelopmentKey } = getSigningKey();
  // Every key we publish: a certificate signed before a key rotation stays valid.
  const check = verifyCertificateToken(token, publishedKeys);
  if (!check.isValid) return { kind: 'invalid', reason: check.reason };
  const record = toCertificateClaims(cert, { siteUrl: env.SITE_URL, provider: CME_PROVIDER });
  const mismatches = listClaimMismatches(check.claims, record);
  if (mismatches.length > 0)
    return {
      kind: 'invalid',
      reason: `The token is signed but does not match this certificate's record (${mismatches.join(', ')}).`,
    };
  return { kind: 'valid', kid: check.kid, isDevelopmentKey, isEarlierKey: check.kid !== publicJwk.kid };
}
