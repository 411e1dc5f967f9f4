import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ClaimCreditForm } from '@/components/cme/claim-credit-form';
import { CommitmentForm } from '@/components/cme/commitment-form';
import { EvaluationForm } from '@/components/cme/evaluation-form';
import { QuizResults } from '@/components/cme/quiz-results';
import styles from '@/components/cme/cme.module.css';
import { requireUser } from '@/lib/auth/current-user';
import { now } from '@/lib/clock';
import { ATTESTATION } from '@/lib/cme/claim-credit';
import { parseCmeId } from '@/lib/cme/cme-id';
import { describeAvailability } from '@/lib/cme/describe-availability';
import { describeCreditAmount, listCreditSteps } from '@/lib/cme/format-credits';
import { getAttemptResult } from '@/lib/cme/get-attempt-result';
import { getQuizActivity } from '@/lib/cme/get-quiz-activity';
import { countAttemptsLeft, findCountingAttempt } from '@/lib/cme/attempt-limit';
import { listAttempts } from '@/lib/cme/list-attempts';

type Props = { params: Promise<{ activityId: string; attemptId: string }> };

export const metadata: Metadata = { title: 'CME quiz result' };

export default async function AttemptPage({ params }: Props) {
  const raw = await params;
  const activityId = parseCmeId(raw.activityId);
  const attemptId = parseCmeId(raw.attemptId);
  if (!activityId || !attemptId) notFound();
  const user = await requireUser(`/cme/${activityId}/attempts/${attemptId}`);
  const [activity, attempt] = await Promise.all([getQuizActivity(activityId), getAttemptResult(user.id, attemptId)]);
  if (!activity || !attempt || attempt.activityId !== activity.id) notFound();
  const score = Math.floor((attempt.correctCount * 100) / attempt.questionCount);
  const closed = describeAvailability(activity, now());
  const counting = findCountingAttempt(await listAttempts(user.id, activity.id));
  const isSuperseded = attempt.result === 'passed' && counting?.id !== attempt.id;

  return (
    <div className="page">
      <p className="eyebrow">CME quiz result</p>
      <h1>For CME Course: {activity.title}</h1>
      {attempt.result === 'failed' ? (
        <FailedResult activity={activity} attempt={attempt} score={score} userId={user.id} />
      ) : (
        <>
          <p className={styles.ok} role="status">
            You passed this CME quiz with a score of {score}%.
          </p>
          <QuizResults
            questions={activity.questions}
            chosen={new Map(attempt.answers.map((a) => [a.questionId, a.optionId]))}
          />
          <CommitmentForm attemptId={attempt.id} commitment={attempt.commitment ?? ''} />
          {attempt.claim?.certificate ? (
            <section id="certificate" aria-labelledby="certificate-heading">
              <h2 id="certificate-heading">Your certificate</h2>
              <p className={styles.ok}>
                You claimed {describeCreditAmount(attempt.claim.creditQuarters, activity.creditType)}.
              </p>
              <ul>
                <li>
                  <a href={`/cme/certificates/${attempt.claim.certificate.id}/pdf`} download>
                    Download certificate (PDF)
                  </a>
                </li>
                <li>
                  <Link href={`/cme/certificates/${attempt.claim.certificate.id}`}>
                    Verify certificate {attempt.claim.certificate.id}
                  </Link>
                </li>
                <li>
                  <Link href="/cme/transcript">Your CME transcript</Link>
                </li>
              </ul>
            </section>
          ) : isSuperseded && counting ? (
            <p className={styles.notice}>
              Your last passing attempt is the one that counts for credit:{' '}
              <Link href={`/cme/${activity.id}/attempts/${counting.id}`}>attempt {counting.number}</Link>.
            </p>
          ) : closed ? (
            <p className={styles.alert}>{closed}</p>
          ) : !attempt.evaluation ? (
            <EvaluationForm attemptId={attempt.id} />
          ) : (
            <ClaimCreditForm
              activityId={activity.id}
              attemptId={attempt.id}
              steps={listCreditSteps(activity.maxCreditQuarters)}
              creditType={activity.creditType}
              attestation={ATTESTATION}
            />
          )}
        </>
      )}
    </div>
  );
}

type FailedProps = {
  activity: NonNullable<Awaited<ReturnType<typeof getQuizActivity>>>;
  attempt: NonNullable<Awaited<ReturnType<typeof getAttemptResult>>>;
  score: number;
  userId: string;
};

/** Which questions were wrong, never the right answers; a fresh retake while attempts remain. */
async function FailedResult({ activity, attempt, score, userId }: FailedProps) {
  const wrong = new Set(attempt.answers.filter((a) => !a.isCorrect).map((a) => a.questionId));
  const attempts = await listAttempts(userId, activity.id);
  const hasPassed = attempts.some((a) => a.result === 'passed');
  const hasAttemptsLeft = countAttemptsLeft(activity.maxAttempts, attempts.length) !== 0;
  const closed = describeAvailability(activity, now());
  return (
    <>
      <div className={styles.alert} role="alert">
        <p>Sorry, you have unsuccessfully completed this CME quiz with a score of {score}%</p>
        <p>The following questions were not answered correctly:</p>
        <ul>
          {activity.questions.map((q, i) =>
            wrong.has(q.id) ? (
              <li key={q.id}>
                Question {i + 1}: {q.stem}
              </li>
            ) : null,
          )}
        </ul>
      </div>
      {hasPassed ? (
        <p>You have passed this quiz in another attempt; your last passing attempt counts for credit.</p>
      ) : closed ? (
        <p>{closed}</p>
      ) : hasAttemptsLeft ? (
        <p>
          <Link href={`/cme/${activity.id}`} className="button">
            Retake the quiz
          </Link>
        </p>
      ) : (
        <p>You have used all {activity.maxAttempts} attempts at this quiz.</p>
      )}
    </>
  );
}
