import Link from 'next/link';
import { describeCreditAmount } from '@/lib/cme/format-credits';
import { formatDate } from '@/lib/format-date';
import type { getLearnerDashboard } from '@/lib/cme/get-learner-dashboard';
import styles from './cme.module.css';

type Dashboard = Awaited<ReturnType<typeof getLearnerDashboard>>;

/** The signed-in learner's CME at a glance: in progress, completed, this year's credit, state requirements. */
export function LearnerDashboard({ dashboard }: { dashboard: Dashboard }) {
  const { year, completions, creditsThisYear, inProgress, states } = dashboard;
  return (
    <>
      <section aria-labelledby="credits-heading">
        <h2 id="credits-heading">Your credit in {year}</h2>
        {creditsThisYear.length === 0 ? (
          <p>No credit claimed in {year} yet.</p>
        ) : (
          <ul>
            {creditsThisYear.map((c) => (
              <li key={c.creditType}>{describeCreditAmount(c.quarters, c.creditType)}</li>
            ))}
          </ul>
        )}
        <p>
          <Link href="/cme/transcript">Your CME transcript</Link> ·{' '}
          <a href="/cme/transcript/pdf" download>
            Transcript (PDF)
          </a>{' '}
          ·{' '}
          <a href="/cme/transcript/csv" download>
            Transcript (CSV)
          </a>{' '}
          · <Link href="/cme/profile">Learner profile and licence states</Link>
        </p>
      </section>

      <section aria-labelledby="progress-heading">
        <h2 id="progress-heading">In progress</h2>
        {inProgress.length === 0 ? (
          <p>Nothing in progress.</p>
        ) : (
          <ul>
            {inProgress.map((a) => (
              <li key={a.activityId}>
                <Link href={`/cme/${a.activityId}`}>{a.activityTitle}</Link>:{' '}
                {a.passedAttemptId ? (
                  <>
                    passed, credit not yet claimed (
                    <Link href={`/cme/${a.activityId}/attempts/${a.passedAttemptId}`}>claim credit</Link>)
                  </>
                ) : (
                  `${a.attemptCount} ${a.attemptCount === 1 ? 'attempt' : 'attempts'}, last score ${a.lastScorePercent}%`
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="completed-heading">
        <h2 id="completed-heading">Completed</h2>
        {completions.length === 0 ? (
          <p>You have not completed a CME activity yet.</p>
        ) : (
          <ul>
            {completions.map((c) => (
              <li key={c.certificateId}>
                {c.activityTitle}: {describeCreditAmount(c.creditQuarters, c.creditType)}, {formatDate(c.completedAt)} (
                <Link href={`/cme/certificates/${c.certificateId}`}>certificate</Link>)
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="states-heading">
        <h2 id="states-heading">State requirements</h2>
        {states.length === 0 ? (
          <p>
            Add the states you are licensed in to your <Link href="/cme/profile">learner profile</Link> to see which of
            their CME requirements your completions meet.
          </p>
        ) : (
          states.map((s) => (
            <section key={s.stateCode} aria-labelledby={`state-${s.stateCode}`} className={styles.stateProgress}>
              <h3 id={`state-${s.stateCode}`}>
                <Link href={`/cme/states/${s.stateCode}`}>{s.stateName}</Link>:{' '}
                {s.met.length + s.outstanding.length === 0
                  ? 'no topic requirements on record'
                  : `${s.met.length} of ${s.met.length + s.outstanding.length} topic requirements met`}
              </h3>
              <ul>
                {s.met.map((r) => (
                  <li key={r.id}>
                    <strong>Met:</strong> {r.topic}, by {r.metBy}
                  </li>
                ))}
                {s.outstanding.map((r) => (
                  <li key={r.id}>
                    <strong>Outstanding:</strong> {r.topic}
                    {r.activities.length > 0 && (
                      <>
                        {' '}
                        (counts:{' '}
                        {r.activities.map((a, i) => (
                          <span key={a.id}>
                            {i > 0 && ', '}
                            <Link href={`/cme/${a.id}`}>{a.title}</Link>
                          </span>
                        ))}
                        )
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          ))
        )}
      </section>
    </>
  );
}
