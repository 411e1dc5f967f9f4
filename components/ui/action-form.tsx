'use client';

import { useActionState, useId, useState, type ReactNode } from 'react';
import type { ActionState } from '@/lib/http/action';
import { FormField, FormMessage } from './form-field';

export type FieldSpec = {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'date' | 'number';
  autoComplete?: string;
  hint?: string;
  defaultValue?: string;
  required?: boolean;
  maxLength?: number;
};

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  fields: FieldSpec[];
  submitLabel: string;
  hidden?: Record<string, string>;
  /** What to show instead of the form once the action succeeded (e.g. a link onward). */
  afterSuccess?: ReactNode;
  className?: string;
};

/** A form posting to a server action, showing its message and per-field errors. */
export function ActionForm({ action, fields, submitLabel, hidden = {}, afterSuccess, className }: Props) {
  const [state, formAction, isPending] = useActionState(action, { ok: false, message: '' });
  // Several forms on one page may have a field of the same name (the account page asks for the
  // password twice): ids of this form's own keep each label on its own input.
  const formId = useId();
  // React empties a form after its action; on a refusal, what was typed comes back so it can be
  // corrected (never a password).
  const [typed, setTyped] = useState<Record<string, string>>({});
  const submit = (formData: FormData) => {
    const values: Record<string, string> = {};
    for (const f of fields) {
      const value = formData.get(f.name);
      if (f.type !== 'password' && typeof value === 'string') values[f.name] = value;
    }
    setTyped(values);
    formAction(formData);
  };
  if (state.ok && afterSuccess) {
    return (
      <div>
        <FormMessage ok message={state.message} />
        {afterSuccess}
      </div>
    );
  }
  return (
    <form action={submit} className={className ?? 'form'} noValidate>
      <FormMessage ok={state.ok} message={state.message} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((f) => (
        <FormField
          key={f.name}
          id={`${formId}-${f.name}`}
          name={f.name}
          label={f.label}
          type={f.type ?? 'text'}
          autoComplete={f.autoComplete}
          hint={f.hint}
          defaultValue={state.ok ? f.defaultValue : (typed[f.name] ?? f.defaultValue)}
          required={f.required ?? true}
          maxLength={f.maxLength}
          error={state.fieldErrors?.[f.name]}
        />
      ))}
      <button type="submit" className="button" disabled={isPending}>
        {isPending ? 'Please wait…' : submitLabel}
      </button>
    </form>
  );
}
