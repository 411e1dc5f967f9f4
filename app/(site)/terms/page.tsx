import type { Metadata } from 'next';
import { SamplePage } from '@/components/ui/sample-page';

export const metadata: Metadata = { title: 'Terms of Use' };

export default function TermsPage() {
  return (
    <SamplePage title="Terms of Use">
      <h2>Personal use</h2>
      <p>
        Subscriptions and 24-hour access are for the person who holds the account. Institutional access is for the
        members of the institution on its network or through its sign-in.
      </p>
      <h2>Downloads</h2>
      <p>
        You may keep PDFs and slides for your own study, teaching and patient care. Systematic downloading and
        redistribution are not allowed.
      </p>
      <h2>Payments and refunds</h2>
      <p>
        24-hour access lasts 24 hours from the confirmation of the payment. Subscriptions renew until cancelled; a
        cancelled subscription keeps its access until the end of the paid period.
      </p>
      <h2>Medical information</h2>
      <p>Articles are for health professionals and are no substitute for clinical judgement.</p>
    </SamplePage>
  );
}
