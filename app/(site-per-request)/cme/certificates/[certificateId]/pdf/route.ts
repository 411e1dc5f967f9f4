// GET /cme/certificates/<id>/pdf – the certificate PDF, for the learner it was issued to.
import { getCurrentUser } from '@/lib/auth/current-user';
import { CME_PROVIDER } from '@/lib/cme/accreditation';
import { getCertificate } from '@/lib/cme/get-certificate';
import { renderCertificatePdf } from '@/lib/cme/render-certificate-pdf';
import { signCertificate } from '@/lib/cme/sign-certificate';
import { PUBLIC_KEY_PATH } from '@/lib/cme/certificate-token';
import { env } from '@/lib/env';
import { htmlMessage } from '@/lib/http/html-message';
import { htmlRoute } from '@/lib/http/html-route';

export const GET = htmlRoute(async (_request: Request, { params }: { params: Promise<{ certificateId: string }> }) => {
  const { certificateId } = await params;
  const user = await getCurrentUser();
  if (!user)
    return htmlMessage(401, 'Please sign in', 'Sign in to download your certificate.', {
      href: `/signin?callbackUrl=${encodeURIComponent(`/cme/certificates/${certificateId}`)}`,
      label: 'Sign in',
    });
  const certificate = await getCertificate(certificateId);
  if (!certificate || certificate.claim.userId !== user.id) {
    return htmlMessage(404, 'Certificate not found', 'You have no certificate with this ID.', {
      href: '/cme/transcript',
      label: 'Your CME transcript',
    });
  }
  const pdf = await renderCertificatePdf({
    ...certificate,
    maxCreditQuarters: certificate.claim.activity.maxCreditQuarters,
    ...signCertificate(certificate),
    publicKeyUrl: `${env.SITE_URL}${PUBLIC_KEY_PATH}`,
    provider: CME_PROVIDER,
  });
  return new Response(Buffer.from(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${certificate.id}.pdf"`,
      'Cache-Control': 'private, no-store',
    },
  });
});
