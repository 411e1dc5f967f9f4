'use client';

import { useActionState, useId } from 'react';
import { FormMessage } from '@/components/ui/form-field';
import type { ActionState } from '@/lib/http/action';
import type { TimeZoneGroup } from '@/lib/time-zone/time-zones';

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  groups: TimeZoneGroup[];
  /** The zone the reader chose, or null for automatic. */
  chosen: string | null;
  journalZone: string;
};

/**
 * The reader's time zone for the times on their pages: a server action, so it works without
 * JavaScript too. "Automatic" is this browser's zone (told by /time-zone.js), else the journal's.
 */
export function TimeZoneForm({ action, groups, chosen, journalZone }: Props) {
  const [state, formAction, isPending] = useActionState(action, { ok: false, message: '' });
  const id = useId();
  const error = state.fieldErrors?.timeZone;
  return (
    <form action={formAction} className="form">
      <FormMessage ok={state.ok} message={state.message} />
      <div className="form-field">
        <label htmlFor={`${id}-zone`}>Time zone</label>
        <p id={`${id}-hint`} className="form-field__hint">
          Times on your pages (access, payments, sessions) are shown in this zone, named beside each time. Automatic
          uses this browser’s zone, or {journalZone} when it cannot tell us.
        </p>
        <select
          // A new choice saved: the form starts again from it.
          key={chosen ?? ''}
          id={`${id}-zone`}
          name="timeZone"
          defaultValue={chosen ?? ''}
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
          aria-invalid={error ? true : undefined}
        >
          <option value="">Automatic</option>
          <option value={journalZone}>{journalZone}</option>
          {groups.map((g) => (
            <optgroup key={g.region} label={g.region}>
              {g.zones.map((z) => (
                <option key={z.value} value={z.value}>
                  {z.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        {error && (
          <p id={`${id}-error`} className="form-field__error">
            {error}
          </p>
        )}
      </div>
      <button type="submit" className="button" disabled={isPending}>
        {isPending ? 'Please wait…' : 'Save time zone'}
      </button>
    </form>
  );
}
