'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-field';
import { pasteRangesAction, type RangePasteState } from '@/lib/librarian/range-actions';

const HINT =
  'One entry a line: an address (203.0.113.7, 2001:db8::7), a CIDR range (203.0.113.0/24, 2001:db8::/48), ' +
  'a range (203.0.113.10-203.0.113.99 or 203.0.113.10-99) or a wildcard (203.0.113.*). Text after # is ignored.';

/**
 * The bulk paste: "Preview" shows per line what was read, what saving adds, and every warning;
 * "Add ranges" saves all or nothing. A server action form, so it also works before (or without) JavaScript.
 */
export function RangePasteForm() {
  const [state, formAction, isPending] = useActionState<RangePasteState, FormData>(pasteRangesAction, {
    ok: false,
    message: '',
  });
  return (
    <form action={formAction} className="form librarian-paste" noValidate>
      <div className="form-field">
        <label htmlFor="ranges-paste">Addresses and ranges to add</label>
        <p id="ranges-paste-hint" className="form-field__hint">
          {HINT}
        </p>
        <textarea
          // A new round after a save starts empty; a refused paste comes back to be corrected.
          key={state.round ?? 0}
          id="ranges-paste"
          name="ranges"
          rows={8}
          defaultValue={state.text ?? ''}
          aria-describedby="ranges-paste-hint"
          aria-invalid={state.fieldErrors?.ranges ? true : undefined}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
        />
        {state.fieldErrors?.ranges && <p className="form-field__error">{state.fieldErrors.ranges}</p>}
      </div>
      <div className="librarian-paste__buttons">
        <button
          type="submit"
          name="intent"
          value="preview"
          className="button librarian-button--quiet"
          disabled={isPending}
        >
          Preview
        </button>
        <button type="submit" name="intent" value="save" className="button" disabled={isPending}>
          {isPending ? 'Please wait…' : 'Add ranges'}
        </button>
      </div>
      <FormMessage ok={state.ok} message={state.message} />
      {state.preview && state.preview.length > 0 && (
        <table className="table table--stack librarian-preview" aria-label="What each line was read as">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Entry</th>
              <th scope="col">Read as</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {state.preview.map((l) => (
              <tr key={l.line} className={l.error ? 'librarian-preview__error' : undefined}>
                <td data-label="Line">{l.line}</td>
                <td data-label="Entry">
                  <code>{l.text}</code>
                </td>
                <td data-label="Read as">
                  {l.error ? (
                    '—'
                  ) : (
                    <>
                      {l.readAs}: {l.cidrs.join(', ')} ({BigInt(l.addressCount).toLocaleString('en-US')}{' '}
                      {l.addressCount === '1' ? 'address' : 'addresses'})
                    </>
                  )}
                </td>
                <td data-label="Outcome">
                  {l.error ? (
                    <strong>Error: {l.error}</strong>
                  ) : l.toAdd.length ? (
                    `Adds ${l.toAdd.join(', ')}`
                  ) : (
                    'Nothing to add'
                  )}
                  {(l.notes.length > 0 || l.warnings.length > 0) && (
                    <ul className="librarian-preview__notes">
                      {l.notes.map((n) => (
                        <li key={n}>Note: {n}</li>
                      ))}
                      {l.warnings.map((w) => (
                        <li key={w}>Warning: {w}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </form>
  );
}
