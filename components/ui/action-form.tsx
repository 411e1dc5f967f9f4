'use client';

import { useActionState, useId, useState, type FormEvent, type ReactNode } from 'react';
import type { ActionState } from '@/lib/http/action';
import { FormField, FormMessage } from './form-field';

type Common = { name: string; label: string; hint?: string; required?: boolean };

export type FieldSpec =
  | (Common & {
      type?: 'text' | 'email' | 'password' | 'date' | 'number';
      autoComplete?: string;
      defaultValue?: string;
      maxLength?: number;
    })
  | (Common & { type: 'select'; options: { value: string; label: string }[]; defaultValue?: string })
  | (Common & { type: 'checkbox'; defaultChecked?: boolean })
  /** A text area; a list is one entry per line. */
  | (Common & { type: 'textarea'; defaultValue?: string })
  /** Sent as the file itself; one larger than `maxBytes` is refused here, before it is sent. */
  | (Common & { type: 'file'; accept: string; maxBytes: number });

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  fields: FieldSpec[];
  submitLabel: string;
  hidden?: Record<string, string>;
  /** What to show instead of the form once the action succeeded (e.g. a link onward). */
  afterSuccess?: ReactNode;
  className?: string;
  /** Asked before sending (destructive actions); nothing is sent unless the person agrees. */
  confirm?: string;
};

const sizeOf = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;

/**
 * The field errors as a person reads them, each named by its field's label ("Reader’s email:
 * Enter the reader’s email address."), never by its key; one about no field of the form (a hidden
 * id) is its message alone.
 */
function labelledErrors(fields: FieldSpec[], fieldErrors: Record<string, string> = {}): string[] {
  return Object.entries(fieldErrors).map(([name, error]) => {
    const label = fields.find((f) => f.name === name)?.label;
    return label ? `${label}: ${error}` : error;
  });
}

/** A form posting to a server action, showing its message and per-field errors. */
export function ActionForm({ action, fields, submitLabel, hidden = {}, afterSuccess, className, confirm }: Props) {
  const [state, formAction, isPending] = useActionState(action, { ok: false, message: '' });
  // Several forms on one page may have a field of the same name (the account page asks for the
  // password twice): ids of this form's own keep each label on its own input.
  const formId = useId();
  // React empties a form after its action; on a refusal, what was typed comes back so it can be
  // corrected (never a password, never a file).
  const [typed, setTyped] = useState<Record<string, string>>({});
  // A refusal made here, before anything was sent (a file over the limit).
  const [unsent, setUnsent] = useState<string | null>(null);
  const submit = (formData: FormData) => {
    const values: Record<string, string> = {};
    for (const f of fields) {
      const value = formData.get(f.name);
      if (f.type === 'checkbox') values[f.name] = value === 'on' ? 'on' : '';
      else if (f.type !== 'password' && typeof value === 'string') values[f.name] = value;
    }
    setTyped(values);
    setUnsent(null);
    formAction(formData);
  };
  const check = (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    for (const f of fields) {
      if (f.type !== 'file') continue;
      const file = (form.elements.namedItem(f.name) as HTMLInputElement | null)?.files?.[0];
      if (file && file.size > f.maxBytes) {
        event.preventDefault();
        return setUnsent(`The file is larger than ${sizeOf(f.maxBytes)}. Nothing was sent.`);
      }
    }
    if (confirm && !window.confirm(confirm)) event.preventDefault();
  };
  if (state.ok && afterSuccess) {
    return (
      <div>
        <FormMessage ok message={state.message} />
        {afterSuccess}
      </div>
    );
  }
  const valueOf = (name: string, defaultValue?: string) => (state.ok ? defaultValue : (typed[name] ?? defaultValue));
  return (
    <form action={submit} onSubmit={check} className={className ?? 'form'} noValidate>
      {unsent ? (
        <FormMessage ok={false} message={unsent} />
      ) : (
        <FormMessage
          ok={state.ok}
          message={state.message}
          details={[...labelledErrors(fields, state.fieldErrors), ...(state.details ?? [])]}
        />
      )}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((f) => {
        const id = `${formId}-${f.name}`;
        const error = state.fieldErrors?.[f.name];
        if (f.type === 'select' || f.type === 'checkbox' || f.type === 'textarea' || f.type === 'file')
          return <OtherField key={f.name} id={id} field={f} error={error} value={valueOf(f.name, textDefault(f))} />;
        return (
          <FormField
            key={f.name}
            id={id}
            name={f.name}
            label={f.label}
            type={f.type ?? 'text'}
            autoComplete={f.autoComplete}
            hint={f.hint}
            defaultValue={valueOf(f.name, f.defaultValue)}
            required={f.required ?? true}
            maxLength={f.maxLength}
            error={error}
          />
        );
      })}
      <button type="submit" className="button" disabled={isPending}>
        {isPending ? 'Please wait…' : submitLabel}
      </button>
    </form>
  );
}

type OtherSpec = Extract<FieldSpec, { type: 'select' | 'checkbox' | 'textarea' | 'file' }>;

function textDefault(f: OtherSpec): string | undefined {
  if (f.type === 'checkbox') return f.defaultChecked ? 'on' : '';
  return f.type === 'file' ? undefined : f.defaultValue;
}

/** A select, checkbox, text area or file input, labelled as FormField labels its input. */
function OtherField({ id, field: f, error, value }: { id: string; field: OtherSpec; error?: string; value?: string }) {
  const describedBy = [f.hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const aria = { 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, required: f.required };
  const label = <label htmlFor={id}>{f.label}</label>;
  return (
    <div className={f.type === 'checkbox' ? 'form-field form-field--checkbox' : 'form-field'}>
      {f.type !== 'checkbox' && label}
      {f.hint && (
        <p id={`${id}-hint`} className="form-field__hint">
          {f.hint}
        </p>
      )}
      {f.type === 'select' ? (
        <select id={id} name={f.name} defaultValue={value} {...aria}>
          {f.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : f.type === 'checkbox' ? (
        <input id={id} type="checkbox" name={f.name} defaultChecked={value === 'on'} {...aria} />
      ) : f.type === 'textarea' ? (
        <textarea id={id} name={f.name} rows={3} defaultValue={value} {...aria} />
      ) : (
        <input id={id} type="file" name={f.name} accept={f.accept} {...aria} />
      )}
      {f.type === 'checkbox' && label}
      {error && (
        <p id={`${id}-error`} className="form-field__error">
          {error}
        </p>
      )}
    </div>
  );
}
