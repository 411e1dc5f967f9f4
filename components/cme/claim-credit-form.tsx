'use client';

import { startTransition, useActionState, type FormEvent } from 'react';
import { claimCreditAction } from '@/lib/cme/actions';
import { FormMessage } from '@/components/ui/form-field';
import styles from './cme.module.css';

type Props = { activityId: string; attemptId: string; steps: string[]; creditType: string; attestation: string };

/** Claim credit in steps of 0.25 up to the maximum, with the attestation ticked. */
export function ClaimCreditForm({ activityId, attemptId, steps, creditType, attestation }: Props) {
  const [state, formAction, isPending] = useActionState(claimCreditAction, { ok: false, message: '' });
  const error = state.fieldErrors?.attest ?? state.fieldErrors?.credits;
  // Submitted by hand rather than through `action`, so a refused claim does not reset the choices.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  }
  return (
    <form method="post" onSubmit={onSubmit} className="form" aria-labelledby="claim-heading" noValidate>
      <h2 id="claim-heading">Claim credit</h2>
      <input type="hidden" name="activityId" value={activityId} />
      <input type="hidden" name="attemptId" value={attemptId} />
      <FormMessage ok={false} message={error ?? state.message} />
      <div className="form-field">
        <label htmlFor="credits">Credits to claim ({creditType})</label>
        <select id="credits" name="credits" defaultValue={steps.at(-1)} className={styles.select}>
          {steps.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <label className={styles.option}>
        <input type="checkbox" name="attest" />
        <span>{attestation}</span>
      </label>
      <button type="submit" className="button" disabled={isPending}>
        Claim credit
      </button>
    </form>
  );
}
