import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import { resetPasswordAction } from '@/lib/auth/account-actions';

export const metadata: Metadata = { title: 'Choose a new password' };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const token = (await searchParams).token ?? '';
  return (
    <div className="page page--narrow">
      <h1>Choose a new password</h1>
      {token ? (
        <ActionForm
          action={resetPasswordAction}
          hidden={{ token }}
          fields={[
            {
              name: 'password',
              label: 'New password',
              type: 'password',
              autoComplete: 'new-password',
              hint: 'At least 10 characters.',
            },
          ]}
          submitLabel="Save new password"
          afterSuccess={<Link href="/signin">Sign in</Link>}
        />
      ) : (
        <p>
          This link is incomplete. <Link href="/forgot-password">Ask for a new reset link</Link>.
        </p>
      )}
    </div>
  );
}
