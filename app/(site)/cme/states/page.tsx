import type { Metadata } from 'next';
import Link from 'next/link';
import { listCmeStates } from '@/lib/cme/list-cme-states';

export const revalidate = 300;

export const metadata: Metadata = { title: 'CME requirements by U.S. state' };

export default async function CmeStatesPage() {
  const states = await listCmeStates();
  return (
    <div className="page">
      <p className="eyebrow">CME</p>
      <h1>Browse CME for all U.S. States</h1>
      <p>
        Each state’s licensing board sets topics that part of your CME must cover. Choose a state to see its
        requirements and the activities here that count toward them.
      </p>
      <ul>
        {states.map((s) => (
          <li key={s.code}>
            <Link href={`/cme/states/${s.code}`}>{s.name}</Link>
            {s._count.requirements > 0 &&
              ` (${s._count.requirements} topic requirement${s._count.requirements === 1 ? '' : 's'})`}
          </li>
        ))}
      </ul>
    </div>
  );
}
