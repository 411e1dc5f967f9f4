import type { Metadata } from 'next';
import Link from 'next/link';
import { RegisterForm } from '@/components/account/register-form';
import { safeReturnTo } from '@/lib/auth/safe-return-to';
import { describeSignInReason } from '@/lib/auth/sign-in-reason';
import { registerAction } from '@/lib/auth/account-actions';

export const metadata: Metadata = { title: 'Register' };

export default async function RegisterPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeReturnTo((await searchParams).callbackUrl);
  const reason = await describeSignInReason(callbackUrl);
  return (
    <div className="page page--narrow">
      <h1>Create a free account</h1>
      {reason && <p className="sign-in-reason">{reason}</p>}
      <p>
        Register and get free email Table of Contents alerts, saved searches, PowerPoint downloads, CME quizzes, and
        more.
      </p>
      <RegisterForm action={registerAction} callbackUrl={callbackUrl} />
      <p>
        Already registered? <Link href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Sign in</Link>
      </p>
    </div>
  );
}
