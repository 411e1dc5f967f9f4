'use client';

import { signIn } from 'next-auth/react';
import { useState, useTransition, type FormEvent } from 'react';
import { FormField, FormMessage } from '@/components/ui/form-field';
import type { ActionState } from '@/lib/http/action';

type Props = { action: (state: ActionState, formData: FormData) => Promise<ActionState>; callbackUrl: string };

/** Registers, then signs the new reader in and carries on to `callbackUrl` (e.g. back to checkout). */
export function RegisterForm({ action, callbackUrl }: Props) {
  const [state, setState] = useState<ActionState>({ ok: false, message: '' });
  const [isPending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await action(state, form);
      setState(result);
      if (!result.ok) return;
      const signedIn = await signIn('credentials', {
        email: form.get('email'),
        password: form.get('password'),
        redirect: false,
      });
      if (signedIn?.ok && !signedIn.error) window.location.assign(callbackUrl);
    });
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <FormMessage ok={state.ok} message={state.message} />
      <FormField
        label="Name"
        name="name"
        autoComplete="name"
        required
        maxLength={120}
        error={state.fieldErrors?.name}
      />
      <FormField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        error={state.fieldErrors?.email}
      />
      <FormField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters. A short phrase of unrelated words works well."
        error={state.fieldErrors?.password}
      />
      <button type="submit" className="button" disabled={isPending}>
        {isPending ? 'Creating your account…' : 'Create account'}
      </button>
    </form>
  );
}
