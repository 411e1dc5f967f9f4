import type { InputHTMLAttributes, ReactNode } from 'react';

/**
 * The filter above an admin list: a plain GET form, so the filters live in the address (the Pager
 * keeps them) and work without JavaScript.
 */
export function AdminFilter({
  label,
  role,
  submitLabel = 'Filter',
  children,
}: {
  label?: string;
  role?: 'search';
  submitLabel?: string;
  children: ReactNode;
}) {
  return (
    <form className="admin-filter" aria-label={label} role={role}>
      {children}
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </form>
  );
}

/** A labelled field of an AdminFilter. */
export function FilterInput({
  id,
  label,
  ...input
}: { id: string; label: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} />
    </>
  );
}

/** A labelled choice of an AdminFilter; its first option, `anyLabel`, filters nothing. */
export function FilterSelect({
  id,
  label,
  name,
  defaultValue,
  options,
  anyLabel = 'Any',
}: {
  id: string;
  label: string;
  name: string;
  defaultValue: string;
  options: { value: string; label: string }[];
  anyLabel?: string;
}) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={defaultValue}>
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </>
  );
}
