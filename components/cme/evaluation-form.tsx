'use client';

import { startTransition, useActionState, type FormEvent } from 'react';
import { saveEvaluationAction } from '@/lib/cme/actions';
import { FormMessage } from '@/components/ui/form-field';
import { EVALUATION_QUESTIONS, LIKERT_LABELS } from '@/lib/cme/evaluation-input';
import { RadioGroupField, TextareaField } from './cme-fields';

const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

/** The post-activity evaluation (ACCME/AMA core questions); credit can be claimed once it is sent. */
export function EvaluationForm({ attemptId }: { attemptId: string }) {
  const [state, formAction, isPending] = useActionState(saveEvaluationAction, { ok: false, message: '' });
  const errors = state.fieldErrors ?? {};
  // Submitted by hand rather than through `action`, so a refused form keeps its answers.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  }
  const yesNo = (name: 'isRelevant' | 'isFreeOfBias') => (
    <RadioGroupField name={name} legend={EVALUATION_QUESTIONS[name]} options={YES_NO} error={errors[name]} />
  );
  return (
    <form method="post" onSubmit={onSubmit} className="form" aria-labelledby="evaluation-heading" noValidate>
      <h2 id="evaluation-heading">Activity evaluation</h2>
      <p>Complete this short evaluation to claim your credit. It is part of the accredited activity.</p>
      <input type="hidden" name="attemptId" value={attemptId} />
      <FormMessage ok={state.ok} message={state.message} />
      <RadioGroupField
        name="objectivesMet"
        legend={EVALUATION_QUESTIONS.objectivesMet}
        options={LIKERT_LABELS.map((label, i) => ({ value: String(i + 1), label: `${i + 1}: ${label}` }))}
        error={errors.objectivesMet}
      />
      {yesNo('isRelevant')}
      {yesNo('isFreeOfBias')}
      <TextareaField
        name="biasComment"
        label={EVALUATION_QUESTIONS.biasComment}
        rows={3}
        maxLength={2000}
        error={errors.biasComment}
      />
      <TextareaField name="intendedChange" label={EVALUATION_QUESTIONS.intendedChange} rows={3} maxLength={4000} />
      <button type="submit" className="button" disabled={isPending}>
        Send evaluation
      </button>
    </form>
  );
}
