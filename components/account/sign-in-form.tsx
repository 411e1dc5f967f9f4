'use client';

import Link from 'next/link';
import { signIn } from 'next-auth/react';
import { useState, useTransition, type FormEvent } from 'react';
import { FormField, FormMessage } from '@/components/ui/form-field';
import { RESET_OFFER, SIGN_IN_THROTTLED } from '@/lib/auth/sign-in-messages';

/** Signs in through next-auth's credentials endpoint (with its CSRF token), then goes back to `callbackUrl`. */
export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const [error, setError] = useState(initialError ?? '');
  const [isPending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await signIn('credentials', {
        email: form.get('email'),
        password: form.get('password'),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        // A full navigation, so every part of the next page sees the new session.
        window.location.assign(callbackUrl);
        return;
      }
      setError(
        result?.error && result.error !== 'CredentialsSignin' ? result.error : 'Email or password is incorrect.',
      );
    });
  }

  return (
    // POST, not the default GET: before hydration, or without JavaScript, the browser sends the
    // form itself, and a GET would put the password in the address (history, logs, Referer).
    <form className="form" method="post" onSubmit={onSubmit} noValidate>
      {error.startsWith(SIGN_IN_THROTTLED) && error.endsWith(RESET_OFFER) ? (
        // A person who forgot the password need not wait: after a reset the new one works at once.
        <p className="form-message form-message--error" role="alert">
          {error.slice(0, -RESET_OFFER.length)}
          <Link href="/forgot-password">{RESET_OFFER.slice(0, -1)}</Link>.
        </p>
      ) : (
        <FormMessage ok={false} message={error} />
      )}
      <FormField label="Email" name="email" type="email" autoComplete="email" required />
      <FormField label="Password" name="password" type="password" autoComplete="current-password" required />
      <button type="submit" className="button" disabled={isPending}>
        {isPending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
