import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { describeCreditAmount } from '@/lib/cme/format-credits';
import { formatDate } from '@/lib/format-date';
import { getCmeState } from '@/lib/cme/get-cme-state';

export const revalidate = 300;

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const state = await getCmeState((await params).code);
  return { title: state ? `CME requirements: ${state.name}` : 'CME requirements' };
}

export default async function CmeStatePage({ params }: Props) {
  const state = await getCmeState((await params).code);
  if (!state) notFound();
  return (
    <div className="page">
      <p className="eyebrow">
        <Link href="/cme/states">CME by state</Link>
      </p>
      <h1>CME requirements: {state.name}</h1>
      <p>
        Licensed in {state.name}? Add the licence to your <Link href="/cme/profile">learner profile</Link> and{' '}
        <Link href="/cme">your CME dashboard</Link> shows which of these requirements your completions meet.
      </p>
      {state.requirements.length === 0 ? (
        <p>
          We have no topic-specific CME requirements on record for {state.name}. Check with the state medical board for
          its current rules.
        </p>
      ) : (
        state.requirements.map((r) => (
          <section key={r.id} aria-labelledby={`req-${r.id}`}>
            <h2 id={`req-${r.id}`}>{r.topic}</h2>
            <p>{r.detail}</p>
            {r.activities.length === 0 ? (
              <p>No activity on this site counts toward this requirement yet.</p>
            ) : (
              <>
                <p>Activities that count toward it:</p>
                <ul>
                  {r.activities.map(({ activity }) => (
                    <li key={activity.id}>
                      <Link href={`/cme/${activity.id}`}>{activity.title}</Link> (
                      {describeCreditAmount(activity.maxCreditQuarters, activity.creditType)}, until{' '}
                      {formatDate(activity.expiresAt)})
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        ))
      )}
    </div>
  );
}
