import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import { verifyEmailAction } from '@/lib/auth/account-actions';

export const metadata: Metadata = { title: 'Confirm your email' };

// The link only opens this page; the token is used when the reader presses the button, so
// mail scanners that open links cannot use it up.
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const token = (await searchParams).token ?? '';
  return (
    <div className="page page--narrow">
      <h1>Confirm your email address</h1>
      {token ? (
        <ActionForm
          action={verifyEmailAction}
          fields={[]}
          hidden={{ token }}
          submitLabel="Confirm my email address"
          afterSuccess={<Link href="/account">Go to My Account</Link>}
        />
      ) : (
        <p>This link is incomplete. Please open the full link from the email, or ask for a new one from My Account.</p>
      )}
    </div>
  );
}
