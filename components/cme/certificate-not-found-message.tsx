import styles from '@/components/cme/cme.module.css';

/** What the certificate check says of an unknown or malformed certificate id. */
export function CertificateNotFoundMessage() {
  return (
    <div className="page">
      <p className="eyebrow">CME certificate verification</p>
      <h1>Certificate not found</h1>
      <p className={styles.alert}>
        We did not issue a certificate with this ID. Check the ID printed at the foot of the certificate.
      </p>
    </div>
  );
}
