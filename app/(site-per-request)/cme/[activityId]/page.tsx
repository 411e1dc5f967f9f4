import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActivityFacts } from '@/components/cme/activity-facts';
import { QuizForm } from '@/components/cme/quiz-form';
import styles from '@/components/cme/cme.module.css';
import { requireUser } from '@/lib/auth/current-user';
import { now } from '@/lib/clock';
import { parseCmeId } from '@/lib/cme/cme-id';
import { describeAvailability } from '@/lib/cme/describe-availability';
import { getQuizActivity } from '@/lib/cme/get-quiz-activity';
import { countAttemptsLeft, describeAttemptsLeft, findCountingAttempt } from '@/lib/cme/attempt-limit';
import { countNeededToPass } from '@/lib/cme/grade-attempt';
import { listAttempts } from '@/lib/cme/list-attempts';

type Props = { params: Promise<{ activityId: string }>; searchParams: Promise<{ retake?: string }> };

export const metadata: Metadata = { title: 'CME quiz' };

export default async function QuizPage({ params, searchParams }: Props) {
  const activityId = parseCmeId((await params).activityId);
  if (!activityId) notFound();
  const user = await requireUser(`/cme/${activityId}`);
  const activity = await getQuizActivity(activityId);
  if (!activity) notFound();
  const attempts = await listAttempts(user.id, activity.id);
  const counting = findCountingAttempt(attempts);
  const isClaimed = attempts.some((a) => a.claim);
  const closed = describeAvailability(activity, now());
  const isOutOfAttempts = countAttemptsLeft(activity.maxAttempts, attempts.length) === 0;
  // A learner who passed may retake (the last passing attempt counts) until they claim credit.
  const isRetakeAfterPass = Boolean(counting) && !isClaimed && (await searchParams).retake === '1';
  const total = activity.questions.length;

  return (
    <div className="page">
      <p className="eyebrow">CME quiz</p>
      <h1>For CME Course: {activity.title}</h1>
      {activity.articles.length > 0 && (
        <p>
          Based on{' '}
          {activity.articles.map(({ article }) => (
            <Link key={article.doi} href={`/doi/${article.doi}`}>
              {article.title}
            </Link>
          ))}
        </p>
      )}
      {closed && <p className={styles.alert}>{closed}</p>}
      <ActivityFacts activity={activity} headingLevel={2} />
      {counting && !isRetakeAfterPass ? (
        <div className={styles.ok}>
          <p>
            You passed this quiz (attempt {counting.number}).{' '}
            <Link href={`/cme/${activity.id}/attempts/${counting.id}`}>
              {isClaimed ? 'See your results and certificate' : 'See your results and claim credit'}
            </Link>
          </p>
          {!isClaimed && !closed && !isOutOfAttempts && (
            <p>
              {describeAttemptsLeft(activity.maxAttempts, attempts.length)}.{' '}
              <Link href={`/cme/${activity.id}?retake=1`}>Retake the quiz</Link> (your last passing attempt counts for
              credit).
            </p>
          )}
        </div>
      ) : closed ? null : isOutOfAttempts ? (
        <p className={styles.alert}>You have used all {activity.maxAttempts} attempts at this quiz.</p>
      ) : (
        <>
          <p className={styles.notice}>
            Note: You must get at least {countNeededToPass(total, activity.passingPercent)} of the {total} answers
            correct to pass this quiz.
            {attempts.length > 0 &&
              ` This is attempt ${attempts.length + 1}${activity.maxAttempts ? ` of ${activity.maxAttempts}` : ''}.`}{' '}
            {describeAttemptsLeft(activity.maxAttempts, attempts.length)}.
          </p>
          <QuizForm
            activityId={activity.id}
            startedAt={now().toISOString()}
            questions={activity.questions.map((q) => ({
              id: q.id,
              stem: q.stem,
              options: q.options.map((o) => ({ id: o.id, text: o.text })),
            }))}
          />
        </>
      )}
      <p>
        <Link href="/cme/transcript">Your CME transcript</Link>
      </p>
    </div>
  );
}
