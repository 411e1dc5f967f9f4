import type { Metadata } from 'next';
import styles from '@/components/cme/cme.module.css';
import { CME_PROVIDER } from '@/lib/cme/accreditation';
import { describeCreditAmount } from '@/lib/cme/format-credits';
import { getCertificate } from '@/lib/cme/get-certificate';

// Public: anyone holding a certificate (a board, an employer) can check it here. Always read
// fresh, so a revocation shows at once.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Verify a CME certificate' };

type Props = { params: Promise<{ certificateId: string }> };

export default async function VerifyCertificatePage({ params }: Props) {
  const { certificateId } = await params;
  const certificate = await getCertificate(certificateId);
  return (
    <div className="page">
      <p className="eyebrow">CME certificate verification</p>
      <h1>Certificate {certificate ? certificate.id : 'not found'}</h1>
      {!certificate ? (
        <p className={styles.alert}>
          We did not issue a certificate with this ID. Check the ID printed at the foot of the certificate.
        </p>
      ) : certificate.revokedAt ? (
        <p className={styles.alert}>
          This certificate was revoked on {certificate.revokedAt.toISOString().slice(0, 10)} and is no longer valid.
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
            <dd>{certificate.completedAt.toISOString().slice(0, 10)}</dd>
            <dt>Issued</dt>
            <dd>{certificate.issuedAt.toISOString().slice(0, 10)}</dd>
          </dl>
        </>
      )}
    </div>
  );
}
