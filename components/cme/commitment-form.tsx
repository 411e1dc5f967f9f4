'use client';

import { useActionState } from 'react';
import { saveCommitmentAction } from '@/lib/cme/actions';
import { FormMessage } from '@/components/ui/form-field';
import styles from './cme.module.css';

/** The optional Commitment to Change, stored with the passed attempt (seed wording). */
export function CommitmentForm({ attemptId, commitment }: { attemptId: string; commitment: string }) {
  const [state, formAction, isPending] = useActionState(saveCommitmentAction, { ok: false, message: '' });
  return (
    <form action={formAction} className="form">
      <input type="hidden" name="attemptId" value={attemptId} />
      <h2 id="commitment-heading">Commitment to Change (optional):</h2>
      <label htmlFor="commitment">
        Indicate what change(s) you will implement in your practice, if any, based on this CME course.
      </label>
      <textarea
        id="commitment"
        name="commitment"
        rows={4}
        maxLength={4000}
        defaultValue={commitment}
        className={styles.textarea}
      />
      <FormMessage ok={state.ok} message={state.message} />
      <button type="submit" className="button" disabled={isPending}>
        Save commitment
      </button>
    </form>
  );
}
