import type { Metadata } from 'next';
import Link from 'next/link';
import { LearnerDashboard } from '@/components/cme/learner-dashboard';
import { getCurrentUser } from '@/lib/auth/current-user';
import { now } from '@/lib/clock';
import { describeCreditAmount } from '@/lib/cme/format-credits';
import { formatDate } from '@/lib/format-date';
import { getLearnerDashboard } from '@/lib/cme/get-learner-dashboard';
import { listActivities } from '@/lib/cme/list-activities';

export const metadata: Metadata = { title: 'CME' };

// Per learner (the dashboard reads the session), so never cached; visitors see the activities only.
export default async function CmeIndexPage() {
  const user = await getCurrentUser();
  const [activities, dashboard] = await Promise.all([
    listActivities(now()),
    user ? getLearnerDashboard(user.id, now()) : null,
  ]);
  return (
    <div className="page">
      <h1>{dashboard ? 'Your CME' : 'Continuing Medical Education'}</h1>
      {!dashboard && (
        <p>
          Quizzes need a free account: <Link href="/signin?callbackUrl=%2Fcme">sign in</Link> to see your progress.
        </p>
      )}
      {dashboard && <LearnerDashboard dashboard={dashboard} />}
      <h2>Activities</h2>
      <p>
        <Link href="/cme/states">Browse CME for all U.S. States</Link>
      </p>
      <ul>
        {activities.map((a) => (
          <li key={a.id}>
            <Link href={`/cme/${a.id}`}>{a.title}</Link>: {a._count.questions} questions, up to{' '}
            {describeCreditAmount(a.maxCreditQuarters, a.creditType)}, until {formatDate(a.expiresAt)}
          </li>
        ))}
      </ul>
    </div>
  );
}
