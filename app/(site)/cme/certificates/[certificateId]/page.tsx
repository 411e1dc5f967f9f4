import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import styles from '@/components/cme/cme.module.css';
import { CME_PROVIDER } from '@/lib/cme/accreditation';
import { describeCreditAmount } from '@/lib/cme/format-credits';
import { formatLongDate } from '@/lib/cme/format-long-date';
import { getCertificate } from '@/lib/cme/get-certificate';

// Public: anyone holding a certificate (a board, an employer) can check it here. Always read
// fresh, so a revocation shows at once.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Verify a CME certificate' };

type Props = { params: Promise<{ certificateId: string }> };

export default async function VerifyCertificatePage({ params }: Props) {
  const { certificateId } = await params;
  const certificate = await getCertificate(certificateId);
  // An unknown id is a 404 (not-found.tsx beside this page says so), so no checker mistakes it for a page.
  if (!certificate) notFound();
  return (
    <div className="page">
      <p className="eyebrow">CME certificate verification</p>
      <h1>Certificate {certificate.id}</h1>
      {certificate.revokedAt ? (
        <p className={styles.alert}>
          This certificate was revoked on {formatLongDate(certificate.revokedAt)} and is no longer valid.
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
            <dd>{formatLongDate(certificate.completedAt)}</dd>
            <dt>Issued</dt>
            <dd>{formatLongDate(certificate.issuedAt)}</dd>
          </dl>
        </>
      )}
    </div>
  );
}
