import { CertificateNotFoundMessage } from '@/components/cme/certificate-not-found-message';

/**
 * Answered with status 404 for an unknown or malformed certificate id. Next sends it as an empty
 * shell that only JavaScript fills; our server answers that shell with /_journal/certificate-not-found
 * (scripts/lib/not-found-page.mjs).
 */
export default function CertificateNotFound() {
  return <CertificateNotFoundMessage />;
}
