import type { Metadata } from 'next';
import Link from 'next/link';
import { now } from '@/lib/clock';
import { describeCreditAmount } from '@/lib/cme/format-credits';
import { formatLongDate } from '@/lib/cme/format-long-date';
import { listActivities } from '@/lib/cme/list-activities';

export const revalidate = 300;

export const metadata: Metadata = { title: 'CME' };

export default async function CmeIndexPage() {
  const activities = await listActivities(now());
  return (
    <div className="page">
      <h1>Continuing Medical Education</h1>
      <p>
        Quizzes need a free account. <Link href="/cme/transcript">Your CME transcript</Link> ·{' '}
        <Link href="/cme/states">Browse CME for all U.S. States</Link>
      </p>
      <ul>
        {activities.map((a) => (
          <li key={a.id}>
            <Link href={`/cme/${a.id}`}>{a.title}</Link>: {a._count.questions} questions, up to{' '}
            {describeCreditAmount(a.maxCreditQuarters, a.creditType)}, until {formatLongDate(a.expiresAt)}
          </li>
        ))}
      </ul>
    </div>
  );
}
