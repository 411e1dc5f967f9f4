import type { QuizActivity } from '@/lib/cme/get-quiz-activity';
import styles from './cme.module.css';

type Props = { questions: QuizActivity['questions']; chosen: Map<string, string> };

/**
 * A passed quiz: the learner's responses as filled radio buttons, preferred responses highlighted,
 * rationales. Both are also said in words ("Your answer", "Preferred response"), never by colour alone.
 */
export function QuizResults({ questions, chosen }: Props) {
  return (
    <>
      <h2>Your quiz results:</h2>
      <p>
        The filled radio buttons indicate your responses, marked “Your answer”. The preferred responses are highlighted
        and marked “Preferred response”.
      </p>
      {questions.map((q, i) => (
        <fieldset key={q.id} className={styles.question} disabled>
          <legend>
            {i + 1}. {q.stem}
          </legend>
          {q.options.map((o) => (
            <label key={o.id} className={o.isPreferred ? `${styles.option} ${styles.preferred}` : styles.option}>
              <input type="radio" name={`result:${q.id}`} value={o.id} checked={chosen.get(q.id) === o.id} readOnly />
              <span>
                {o.text}
                {chosen.get(q.id) === o.id && <span className={styles.tag}>Your answer</span>}
                {o.isPreferred && <span className={styles.tag}>Preferred response</span>}
              </span>
            </label>
          ))}
          <p className={styles.rationale}>
            <strong>Rationale:</strong> {q.rationale}
          </p>
        </fieldset>
      ))}
    </>
  );
}
