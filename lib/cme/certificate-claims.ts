import type { CertificateClaims } from './certificate-token';
import { formatIsoDate } from '@/lib/format-date';

type IssuedCertificate = {
  id: string;
  learnerName: string;
  activityTitle: string;
  creditType: string;
  creditQuarters: number;
  completedAt: Date;
  issuedAt: Date;
};

/** The facts a certificate token asserts, taken from the certificate as issued (dates in UTC). */
export function toCertificateClaims(
  cert: IssuedCertificate,
  issuer: { siteUrl: string; provider: string },
): CertificateClaims {
  return {
    iss: issuer.siteUrl,
    jti: cert.id,
    iat: Math.floor(cert.issuedAt.getTime() / 1000),
    name: cert.learnerName,
    activity: cert.activityTitle,
    completed: formatIsoDate(cert.completedAt),
    credits: (cert.creditQuarters / 4).toFixed(2),
    creditType: cert.creditType,
    provider: issuer.provider,
  };
}

/** The fields where a token and the certificate on record disagree (none: they describe the same certificate). */
export function listClaimMismatches(token: CertificateClaims, record: CertificateClaims): string[] {
  return (Object.keys(record) as (keyof CertificateClaims)[]).filter((key) => token[key] !== record[key]);
}
