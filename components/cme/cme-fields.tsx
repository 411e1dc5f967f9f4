import type { ReactNode } from 'react';
import styles from './cme.module.css';

function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={id} className="form-message form-message--error">
      {error}
    </p>
  ) : null;
}

/** A question answered with one choice: its radio buttons in a fieldset, and the error that names it. */
export function RadioGroupField({
  name,
  legend,
  legendId,
  options,
  defaultValue,
  required,
  error,
}: {
  name: string;
  legend: ReactNode;
  legendId?: string;
  options: { value: string; label: ReactNode }[];
  defaultValue?: string | null;
  required?: boolean;
  error?: string;
}) {
  return (
    <fieldset className={styles.question} aria-describedby={error ? `${name}-error` : undefined}>
      <legend id={legendId}>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className={styles.option}>
          <input
            type="radio"
            name={name}
            value={o.value}
            defaultChecked={defaultValue != null && o.value === defaultValue}
            required={required}
          />
          <span>{o.label}</span>
        </label>
      ))}
      <FieldError id={`${name}-error`} error={error} />
    </fieldset>
  );
}

/** A free-text answer (its id is its name), and the error that names it. */
export function TextareaField({
  name,
  label,
  rows,
  maxLength,
  defaultValue,
  error,
}: {
  name: string;
  label: string;
  rows: number;
  maxLength: number;
  defaultValue?: string;
  error?: string;
}) {
  return (
    <div className="form-field">
      <label htmlFor={name}>{label}</label>
      <textarea
        id={name}
        name={name}
        rows={rows}
        maxLength={maxLength}
        defaultValue={defaultValue}
        className={styles.textarea}
        aria-describedby={error ? `${name}-error` : undefined}
      />
      <FieldError id={`${name}-error`} error={error} />
    </div>
  );
}
