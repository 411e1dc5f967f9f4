import Link from 'next/link';
import { ActivityFacts } from '@/components/cme/activity-facts';
import { formatDate } from '@/lib/format-date';
import type { ArticleCme } from '@/lib/cme/get-article-cme';

/**
 * The article page's CME box (the article's newest activity, lib/cme/get-article-cme). The same
 * for every reader, so this shows only public facts and the way in; the quiz itself (per
 * learner) lives under /cme/<activityId>.
 */
export function CmeBox({ activity }: { activity: ArticleCme | null }) {
  if (!activity) return null;
  const states = [
    ...new Map(activity.requirements.map((r) => [r.requirement.state.code, r.requirement.state])).values(),
  ];
  return (
    <section className="box cme-box" aria-labelledby="cme-heading">
      <h2 id="cme-heading" className="box__title">
        CME
      </h2>
      <p>
        Released {formatDate(activity.releaseAt)}; expires {formatDate(activity.expiresAt)}.
      </p>
      <p>
        <Link href={`/cme/${activity.id}`}>Take the CME quiz</Link>
      </p>
      <p>Meets CME requirements for:</p>
      {states.length > 0 && (
        <ul>
          {states
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((s) => (
              <li key={s.code}>
                <Link href={`/cme/states/${s.code}`}>{s.name}</Link>
              </li>
            ))}
        </ul>
      )}
      <p>
        <Link href="/cme/states">Browse CME for all U.S. States</Link>
      </p>
      <details>
        <summary>Accreditation Information</summary>
        <ActivityFacts activity={activity} headingLevel={3} />
      </details>
    </section>
  );
}
