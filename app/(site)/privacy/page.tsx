import type { Metadata } from 'next';
import { SamplePage } from '@/components/ui/sample-page';
import { JOURNAL } from '@/lib/site/journal-facts';

export const metadata: Metadata = { title: 'Privacy Notice' };

export default function PrivacyPage() {
  return (
    <SamplePage title="Privacy Notice">
      <h2>What we keep</h2>
      <ul>
        <li>Your account: name, email address and a hash of your password (never the password itself).</li>
        <li>What you bought and when; card details stay with our payment processor.</li>
        <li>CME: your answers, evaluations and credits; board identifiers only if you consent to reporting.</li>
        <li>Your sign-in sessions (device and time), so you can see and end them from My Account.</li>
        <li>Comments you submit, and what moderators decided about them.</li>
      </ul>
      <h2>Cookies</h2>
      <p>
        One cookie keeps you signed in, one remembers a device you signed in from (so a stranger&apos;s failed guesses
        do not slow you down), and one remembers your text size. We use no advertising or tracking cookies.
      </p>
      <h2>Your rights</h2>
      <p>
        Ask {JOURNAL.editorialOffice} for a copy of your data or for its deletion; records we must keep for accounting
        or CME accreditation are kept for the period the law or the accreditor requires.
      </p>
    </SamplePage>
  );
}
