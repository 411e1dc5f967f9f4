'use client';

import { useActionState } from 'react';
import { recordFollowUpAnswerAction } from '@/lib/cme/follow-up-actions';
import { FormMessage } from '@/components/ui/form-field';
import { FOLLOW_UP_ANSWERS, FOLLOW_UP_ANSWER_LABELS, type FollowUpAnswer } from '@/lib/cme/follow-up-email';
import { RadioGroupField, TextareaField } from './cme-fields';

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
      <RadioGroupField
        name="answer"
        legend="Did you make the change?"
        legendId="follow-up-heading"
        options={FOLLOW_UP_ANSWERS.map((answer) => ({ value: answer, label: FOLLOW_UP_ANSWER_LABELS[answer] }))}
        defaultValue={props.answer}
        required
        error={errors.answer}
      />
      <TextareaField
        name="barriers"
        label="What got in the way, if anything? (optional)"
        rows={4}
        maxLength={2000}
        defaultValue={props.barriers}
        error={errors.barriers}
      />
      <button type="submit" className="button" disabled={isPending}>
        {isPending ? 'Please wait…' : 'Record my answer'}
      </button>
    </form>
  );
}
