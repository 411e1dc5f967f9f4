'use client';

import { signIn } from 'next-auth/react';
import { useState, useTransition, type FormEvent } from 'react';
import { FormField, FormMessage } from '@/components/ui/form-field';
import { READER_PROFESSIONS } from '@/lib/auth/reader-professions';
import type { ActionState } from '@/lib/http/action';
import { LEGAL_DOCUMENTS } from '@/lib/site/legal-documents';

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
    // POST, not GET: sent by the browser itself (before hydration), it keeps the password out of the address.
    <form className="form" method="post" onSubmit={onSubmit} noValidate>
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
      <div className="form-field">
        <label htmlFor="field-profession">Profession (optional)</label>
        <select
          id="field-profession"
          name="profession"
          defaultValue=""
          aria-invalid={state.fieldErrors?.profession ? true : undefined}
          aria-describedby={state.fieldErrors?.profession ? 'field-profession-error' : undefined}
        >
          <option value="">Prefer not to say</option>
          {READER_PROFESSIONS.map((profession) => (
            <option key={profession}>{profession}</option>
          ))}
        </select>
        {state.fieldErrors?.profession && (
          <p id="field-profession-error" className="form-field__error">
            {state.fieldErrors.profession}
          </p>
        )}
      </div>
      <FormField
        label="Specialty (optional)"
        name="specialty"
        autoComplete="off"
        maxLength={80}
        hint="For example Dermatology. CME reports use your profession and specialty."
        error={state.fieldErrors?.specialty}
      />
      <div className="form-field form-field--checkbox">
        <input
          id="field-acceptTerms"
          type="checkbox"
          name="acceptTerms"
          required
          aria-invalid={state.fieldErrors?.acceptTerms ? true : undefined}
          aria-describedby={state.fieldErrors?.acceptTerms ? 'field-acceptTerms-error' : undefined}
        />
        <label htmlFor="field-acceptTerms">
          I agree to the{' '}
          <a href={LEGAL_DOCUMENTS.terms.href} target="_blank" rel="noopener">
            {LEGAL_DOCUMENTS.terms.title}
          </a>{' '}
          and the{' '}
          <a href={LEGAL_DOCUMENTS.privacy.href} target="_blank" rel="noopener">
            {LEGAL_DOCUMENTS.privacy.title}
          </a>
        </label>
        {state.fieldErrors?.acceptTerms && (
          <p id="field-acceptTerms-error" className="form-field__error">
            {state.fieldErrors.acceptTerms}
          </p>
        )}
      </div>
      <button type="submit" className="button" disabled={isPending}>
        {isPending ? 'Creating your account…' : 'Create account'}
      </button>
    </form>
  );
}
