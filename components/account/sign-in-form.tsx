'use client';

import { signIn } from 'next-auth/react';
import { useState, useTransition, type FormEvent } from 'react';
import { FormField, FormMessage } from '@/components/ui/form-field';

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
    <form className="form" onSubmit={onSubmit} noValidate>
      <FormMessage ok={false} message={error} />
      <FormField label="Email" name="email" type="email" autoComplete="email" required />
      <FormField label="Password" name="password" type="password" autoComplete="current-password" required />
      <button type="submit" className="button" disabled={isPending}>
        {isPending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
