'use client';

import { useActionState, useState } from 'react';
import { submitQuizAction } from '@/lib/cme/actions';
import styles from './cme.module.css';

export type QuizQuestion = { id: string; stem: string; options: { id: string; text: string }[] };

type Props = { activityId: string; questions: QuizQuestion[]; startedAt: string };

/**
 * The quiz: one radio group per question. React resets a form after its action runs; the chosen
 * answers are mirrored into defaultChecked, so the reset restores them and an incomplete submission
 * keeps them. Grading happens on the server only: this component never knows the preferred answers.
 */
export function QuizForm({ activityId, questions, startedAt }: Props) {
  const [state, formAction, isPending] = useActionState(submitQuizAction, { ok: false, message: '' });
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const unanswered = questions.filter((q) => state.fieldErrors?.[q.id]);

  return (
    <form action={formAction} noValidate>
      <input type="hidden" name="activityId" value={activityId} />
      <input type="hidden" name="startedAt" value={startedAt} />
      {state.message && !state.ok && (
        <div className={styles.alert} role="alert">
          <p>{state.message}</p>
          {unanswered.length > 0 && (
            <>
              <p>The following questions were not answered:</p>
              <ul>
                {unanswered.map((q) => (
                  <li key={q.id}>
                    <a href={`#question-${q.id}`}>Question {questions.indexOf(q) + 1}</a>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {questions.map((q, i) => (
        <fieldset key={q.id} id={`question-${q.id}`} className={styles.question} tabIndex={-1}>
          <legend>
            {i + 1}. {q.stem}
          </legend>
          {q.options.map((o) => (
            <label key={o.id} className={styles.option}>
              <input
                type="radio"
                name={`answer:${q.id}`}
                value={o.id}
                defaultChecked={chosen[q.id] === o.id}
                onChange={() => setChosen((c) => ({ ...c, [q.id]: o.id }))}
              />
              <span>{o.text}</span>
            </label>
          ))}
        </fieldset>
      ))}
      <button type="submit" className="button" disabled={isPending}>
        {isPending ? 'Grading…' : 'Submit answers'}
      </button>
    </form>
  );
}
