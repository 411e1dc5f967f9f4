import type { CmeRole } from '@/generated/prisma/enums';
import { CREDIT_TYPE, MITIGATION_STATEMENT, NO_RELATIONSHIPS } from '@/lib/cme/accreditation';
import { describeCredits } from '@/lib/cme/format-credits';
import { formatDuration } from '@/lib/cme/format-duration';
import { formatDate } from '@/lib/format-date';
import { AccreditationStatement } from './accreditation-statement';

export type ActivityFactsData = {
  releaseAt: Date;
  expiresAt: Date;
  estimatedMinutes: number;
  targetAudience: string;
  objectives: string[];
  maxCreditQuarters: number;
  passingPercent: number;
  abimMocPoints: number | null;
  people: { id: string; role: CmeRole; name: string; affiliation: string; relationships: string[] }[];
};

type Props = { activity: ActivityFactsData; headingLevel: 2 | 3 };

const ROLE_TITLES: Record<CmeRole, string> = { faculty: 'Faculty', planner: 'Planners' };

/**
 * What an accredited activity must tell a learner before they start (ACCME standards): dates,
 * time, audience, objectives, credit, and every faculty member's and planner's disclosure.
 */
export function ActivityFacts({ activity, headingLevel }: Props) {
  const H = `h${headingLevel}` as const;
  const hasRelationships = activity.people.some((p) => p.relationships.length > 0);
  return (
    <section aria-label="Activity information">
      <dl>
        <dt>Release date</dt>
        <dd>{formatDate(activity.releaseAt)}</dd>
        <dt>Expiration date</dt>
        <dd>{formatDate(activity.expiresAt)}</dd>
        <dt>Estimated time to complete</dt>
        <dd>{formatDuration(activity.estimatedMinutes)}</dd>
        {activity.targetAudience && (
          <>
            <dt>Target audience</dt>
            <dd>{activity.targetAudience}</dd>
          </>
        )}
        <dt>Credit</dt>
        <dd>
          {CREDIT_TYPE}: up to {describeCredits(activity.maxCreditQuarters)}
          {activity.abimMocPoints ? (
            <>
              <br />
              ABIM MOC: up to {activity.abimMocPoints} {activity.abimMocPoints === 1 ? 'point' : 'points'} (Medical
              Knowledge)
            </>
          ) : null}
        </dd>
      </dl>
      <H>Learning objectives</H>
      <ul>
        {activity.objectives.map((o) => (
          <li key={o}>{o}</li>
        ))}
      </ul>
      <H>Faculty and planners: disclosures</H>
      {(['faculty', 'planner'] as const).map((role) => {
        const people = activity.people.filter((p) => p.role === role);
        if (people.length === 0) return null;
        return (
          <div key={role}>
            <p>
              <strong>{ROLE_TITLES[role]}</strong>
            </p>
            <ul>
              {people.map((p) => (
                <li key={p.id}>
                  {p.name}
                  {p.affiliation && `, ${p.affiliation}`}. Disclosure:{' '}
                  {p.relationships.length ? p.relationships.join('; ') : NO_RELATIONSHIPS}.
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      {hasRelationships && <p>{MITIGATION_STATEMENT}</p>}
      <H>Accreditation and credit designation</H>
      <AccreditationStatement
        maxCreditQuarters={activity.maxCreditQuarters}
        passingPercent={activity.passingPercent}
        abimMocPoints={activity.abimMocPoints}
      />
    </section>
  );
}
