import 'server-only';
import { env } from '@/lib/env';
import { CME_PROVIDER } from './accreditation';
import { toCertificateClaims } from './certificate-claims';
import { signCertificateToken } from './certificate-token';
import { getSigningKey } from './signing-key';

type IssuedCertificate = Parameters<typeof toCertificateClaims>[0];

/**
 * The certificate's signed token and the verification URL that carries it (printed on the
 * certificate and in its QR code). Signed on demand from the stored facts: Ed25519 signatures
 * are deterministic, so a certificate always carries the same token.
 */
export function signCertificate(cert: IssuedCertificate): { token: string; verificationUrl: string } {
  const claims = toCertificateClaims(cert, { siteUrl: env.SITE_URL, provider: CME_PROVIDER });
  const token = signCertificateToken(claims, getSigningKey().privateKey);
  return { token, verificationUrl: `${env.SITE_URL}/cme/certificates/${cert.id}?token=${token}` };
}
