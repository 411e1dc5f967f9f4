import type { InputHTMLAttributes } from 'react';

type Props = InputHTMLAttributes<HTMLInputElement> & { label: string; name: string; error?: string; hint?: string };

/** A labelled input with its hint and error announced to screen readers. */
export function FormField({ label, name, error, hint, id, ...input }: Props) {
  const fieldId = id ?? `field-${name}`;
  const describedBy = [hint && `${fieldId}-hint`, error && `${fieldId}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="form-field">
      <label htmlFor={fieldId}>{label}</label>
      {hint && (
        <p id={`${fieldId}-hint`} className="form-field__hint">
          {hint}
        </p>
      )}
      <input
        id={fieldId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
      {error && (
        <p id={`${fieldId}-error`} className="form-field__error">
          {error}
        </p>
      )}
    </div>
  );
}

/** The outcome of a form, with its `details` (each problem named by its field's label, an import's warnings) listed under it. */
export function FormMessage({ ok, message, details = [] }: { ok: boolean; message: string; details?: string[] }) {
  if (!message) return null;
  const className = ok ? 'form-message form-message--ok' : 'form-message form-message--error';
  if (details.length === 0)
    return (
      <p className={className} role={ok ? 'status' : 'alert'}>
        {message}
      </p>
    );
  return (
    <div className={className} role={ok ? 'status' : 'alert'}>
      <p>{message}</p>
      <ul>
        {details.map((d) => (
          <li key={d}>{d}</li>
        ))}
      </ul>
    </div>
  );
}
