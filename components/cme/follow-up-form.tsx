'use client';

import { useActionState } from 'react';
import { recordFollowUpAnswerAction } from '@/lib/cme/follow-up-actions';
import { FormMessage } from '@/components/ui/form-field';
import { FOLLOW_UP_ANSWERS, FOLLOW_UP_ANSWER_LABELS, type FollowUpAnswer } from '@/lib/cme/follow-up-email';
import styles from './cme.module.css';

/**
 * The answer to a Commitment-to-Change follow-up, with the choice from the email's link already
 * made: nothing is recorded until the learner presses the button (mail scanners open links).
 */
export function FollowUpForm(props: { token: string; answer: FollowUpAnswer | null; barriers: string }) {
  const [state, formAction, isPending] = useActionState(recordFollowUpAnswerAction, { ok: false, message: '' });
  if (state.ok) return <FormMessage ok message={state.message} />;
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="form" aria-labelledby="follow-up-heading">
      <input type="hidden" name="token" value={props.token} />
      <FormMessage ok={false} message={state.message} />
      <fieldset className={styles.question} aria-describedby={errors.answer ? 'answer-error' : undefined}>
        <legend id="follow-up-heading">Did you make the change?</legend>
        {FOLLOW_UP_ANSWERS.map((answer) => (
          <label key={answer} className={styles.option}>
            <input type="radio" name="answer" value={answer} defaultChecked={answer === props.answer} required />
            <span>{FOLLOW_UP_ANSWER_LABELS[answer]}</span>
          </label>
        ))}
        {errors.answer && (
          <p id="answer-error" className="form-message form-message--error">
            {errors.answer}
          </p>
        )}
      </fieldset>
      <div className="form-field">
        <label htmlFor="barriers">What got in the way, if anything? (optional)</label>
        <textarea
          id="barriers"
          name="barriers"
          rows={4}
          maxLength={2000}
          defaultValue={props.barriers}
          className={styles.textarea}
          aria-describedby={errors.barriers ? 'barriers-error' : undefined}
        />
        {errors.barriers && (
          <p id="barriers-error" className="form-message form-message--error">
            {errors.barriers}
          </p>
        )}
      </div>
      <button type="submit" className="button" disabled={isPending}>
        {isPending ? 'Please wait…' : 'Record my answer'}
      </button>
    </form>
  );
}
