import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import { confirmEmailChangeAction } from '@/lib/auth/email-change-actions';

export const metadata: Metadata = { title: 'Confirm your new email address' };

// Works signed in or not. The link only opens this page; the token is used when the reader
// presses the button, so mail scanners that open links cannot use it up.
export default async function ConfirmEmailPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const token = (await searchParams).token ?? '';
  return (
    <div className="page page--narrow">
      <h1>Confirm your new email address</h1>
      {token ? (
        <ActionForm
          action={confirmEmailChangeAction}
          fields={[]}
          hidden={{ token }}
          submitLabel="Use this email address"
          afterSuccess={<Link href="/signin?callbackUrl=%2Faccount">Sign in</Link>}
        />
      ) : (
        <p>This link is incomplete. Please open the full link from the email, or ask again from My Account.</p>
      )}
    </div>
  );
}
