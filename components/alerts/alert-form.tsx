'use client';

import { useActionState, type ReactNode } from 'react';
import { FormMessage } from '@/components/ui/form-field';
import type { ActionState } from '@/lib/http/action';

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  hidden?: Record<string, string>;
  submitLabel: string;
  /** The submit button's accessible name when its label alone is ambiguous in a list ("Delete"). */
  submitAriaLabel?: string;
  className?: string;
  children?: ReactNode;
};

/** A small form posting to a server action, with its fields as children; shows the action's answer. */
export function AlertForm({ action, hidden = {}, submitLabel, submitAriaLabel, className, children }: Props) {
  const [state, formAction, isPending] = useActionState(action, { ok: false, message: '' });
  return (
    <form action={formAction} className={className ?? 'alert-form'}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <button type="submit" className="button" disabled={isPending} aria-label={submitAriaLabel}>
        {isPending ? 'Please wait…' : submitLabel}
      </button>
      <FormMessage ok={state.ok} message={state.fieldErrors ? Object.values(state.fieldErrors)[0]! : state.message} />
    </form>
  );
}
