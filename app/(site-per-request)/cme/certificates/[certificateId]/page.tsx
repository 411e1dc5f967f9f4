import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import styles from '@/components/cme/cme.module.css';
import { CME_PROVIDER } from '@/lib/cme/accreditation';
import { describeCreditAmount } from '@/lib/cme/format-credits';
import { formatDate } from '@/lib/format-date';
import { checkCertificateToken, type CertificateTokenStatus } from '@/lib/cme/check-certificate-token';
import { PUBLIC_KEY_PATH } from '@/lib/cme/certificate-token';
import { getCertificate } from '@/lib/cme/get-certificate';
import { signCertificate } from '@/lib/cme/sign-certificate';

// Public: anyone holding a certificate (a board, an employer) can check it here. Always read
// fresh, so a revocation shows at once.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Verify a CME certificate' };

type Props = {
  params: Promise<{ certificateId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function VerifyCertificatePage({ params, searchParams }: Props) {
  const { certificateId } = await params;
  const presented = (await searchParams).token;
  const certificate = await getCertificate(certificateId);
  // An unknown id is a 404 (not-found.tsx beside this page says so), so no checker mistakes it for a page.
  if (!certificate) notFound();
  // The token from the certificate's QR code or link, checked as an offline checker would.
  const status = typeof presented === 'string' && presented ? checkCertificateToken(certificate, presented) : null;
  const { token } = signCertificate(certificate);
  return (
    <div className="page">
      <p className="eyebrow">CME certificate verification</p>
      <h1>Certificate {certificate.id}</h1>
      {certificate.revokedAt ? (
        <p className={styles.alert}>
          This certificate was revoked on {formatDate(certificate.revokedAt)} and is no longer valid.
        </p>
      ) : (
        <>
          <p className={styles.ok}>Genuine: this certificate was issued by {CME_PROVIDER} through this journal.</p>
          <dl>
            <dt>Learner</dt>
            <dd>{certificate.learnerName}</dd>
            <dt>Activity</dt>
            <dd>{certificate.activityTitle}</dd>
            <dt>Credit</dt>
            <dd>{describeCreditAmount(certificate.creditQuarters, certificate.creditType)}</dd>
            <dt>Completed</dt>
            <dd>{formatDate(certificate.completedAt)}</dd>
            <dt>Issued</dt>
            <dd>{formatDate(certificate.issuedAt)}</dd>
          </dl>
          {status && <SignatureStatus status={status} />}
          <details>
            <summary>Check this certificate offline</summary>
            <p>
              The certificate is signed (a JSON Web Signature). With the public key from{' '}
              <a href={PUBLIC_KEY_PATH}>{PUBLIC_KEY_PATH}</a>, anyone can check the token below, or the certificate PDF,
              without this site: <code>npm run cme:verify -- &lt;token or PDF&gt; --key cme-signing-key.json</code>
            </p>
            <p>
              <label htmlFor="certificate-token">Signed certificate token</label>
            </p>
            <textarea id="certificate-token" readOnly rows={5} cols={80} value={token} className={styles.token} />
          </details>
        </>
      )}
    </div>
  );
}

function SignatureStatus({ status }: { status: CertificateTokenStatus }) {
  if (status.kind === 'invalid')
    return (
      <p className={styles.alert} role="alert">
        Signature not valid: {status.reason}
      </p>
    );
  return (
    <p className={styles.ok} role="status">
      Signature valid: the signed token this certificate carries matches the record above (key {status.kid}
      {status.isEarlierKey && ', an earlier key of ours, still published since we rotated to a new one'}).
      {status.isDevelopmentKey && ' This server signs with the development key, which proves nothing outside testing.'}
    </p>
  );
}
