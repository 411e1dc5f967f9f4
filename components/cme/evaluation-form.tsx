'use client';

import { startTransition, useActionState, type FormEvent } from 'react';
import { saveEvaluationAction } from '@/lib/cme/actions';
import { FormMessage } from '@/components/ui/form-field';
import { EVALUATION_QUESTIONS, LIKERT_LABELS } from '@/lib/cme/evaluation-input';
import styles from './cme.module.css';

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
    <fieldset className={styles.question} aria-describedby={errors[name] ? `${name}-error` : undefined}>
      <legend>{EVALUATION_QUESTIONS[name]}</legend>
      {['yes', 'no'].map((v) => (
        <label key={v} className={styles.option}>
          <input type="radio" name={name} value={v} />
          <span>{v === 'yes' ? 'Yes' : 'No'}</span>
        </label>
      ))}
      {errors[name] && (
        <p id={`${name}-error`} className="form-message form-message--error">
          {errors[name]}
        </p>
      )}
    </fieldset>
  );
  return (
    <form onSubmit={onSubmit} className="form" aria-labelledby="evaluation-heading" noValidate>
      <h2 id="evaluation-heading">Activity evaluation</h2>
      <p>Complete this short evaluation to claim your credit. It is part of the accredited activity.</p>
      <input type="hidden" name="attemptId" value={attemptId} />
      <FormMessage ok={state.ok} message={state.message} />
      <fieldset className={styles.question} aria-describedby={errors.objectivesMet ? 'objectivesMet-error' : undefined}>
        <legend>{EVALUATION_QUESTIONS.objectivesMet}</legend>
        {LIKERT_LABELS.map((label, i) => (
          <label key={label} className={styles.option}>
            <input type="radio" name="objectivesMet" value={i + 1} />
            <span>
              {i + 1}: {label}
            </span>
          </label>
        ))}
        {errors.objectivesMet && (
          <p id="objectivesMet-error" className="form-message form-message--error">
            {errors.objectivesMet}
          </p>
        )}
      </fieldset>
      {yesNo('isRelevant')}
      {yesNo('isFreeOfBias')}
      <div className="form-field">
        <label htmlFor="biasComment">{EVALUATION_QUESTIONS.biasComment}</label>
        <textarea
          id="biasComment"
          name="biasComment"
          rows={3}
          maxLength={2000}
          className={styles.textarea}
          aria-describedby={errors.biasComment ? 'biasComment-error' : undefined}
        />
        {errors.biasComment && (
          <p id="biasComment-error" className="form-message form-message--error">
            {errors.biasComment}
          </p>
        )}
      </div>
      <div className="form-field">
        <label htmlFor="intendedChange">{EVALUATION_QUESTIONS.intendedChange}</label>
        <textarea id="intendedChange" name="intendedChange" rows={3} maxLength={4000} className={styles.textarea} />
      </div>
      <button type="submit" className="button" disabled={isPending}>
        Send evaluation
      </button>
    </form>
  );
}
