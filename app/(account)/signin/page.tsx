import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/account/sign-in-form';
import { safeReturnTo } from '@/lib/auth/safe-return-to';
import { getCurrentUser } from '@/lib/auth/current-user';
import { describeSignInReason } from '@/lib/auth/sign-in-reason';

export const metadata: Metadata = { title: 'Sign In' };

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string; signedOut?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeReturnTo(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const reason = await describeSignInReason(callbackUrl);
  return (
    <div className="page page--narrow">
      <h1>Sign In</h1>
      {reason && <p className="sign-in-reason">{reason}</p>}
      {params.signedOut === 'everywhere' && (
        <p className="form-message form-message--ok" role="status">
          You have been signed out on all your devices.
        </p>
      )}
      <SignInForm callbackUrl={callbackUrl} initialError={params.error ? 'Please sign in again.' : undefined} />
      <p>
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
      <p>
        <Link
          href={`/institution-access?returnTo=${encodeURIComponent(callbackUrl === '/account' ? '/' : callbackUrl)}`}
        >
          Access through your institution
        </Link>{' '}
        (Shibboleth, OpenAthens): no journal account needed.
      </p>
      <p>
        New here? <Link href={`/register?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Create a free account</Link>:
        email Table of Contents alerts, saved searches, CME quizzes, and more.
      </p>
    </div>
  );
}
