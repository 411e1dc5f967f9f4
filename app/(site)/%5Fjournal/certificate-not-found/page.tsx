import type { Metadata } from 'next';
import { CertificateNotFoundMessage } from '@/components/cme/certificate-not-found-message';

// The certificate check's not-found as a page cached for everyone, which our server sends, with
// status 404, in place of the empty shell Next answers an unknown certificate with
// (scripts/lib/not-found-page.mjs). Nothing links here.
export const metadata: Metadata = { title: 'Certificate not found', robots: { index: false } };

export default function CertificateNotFoundPage() {
  return <CertificateNotFoundMessage />;
}
