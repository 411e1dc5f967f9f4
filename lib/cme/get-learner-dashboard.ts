import 'server-only';
import { db } from '@/lib/db';
import { listInProgress, summarizeStateProgress, sumCreditsByType } from './summarize-dashboard';

/** Everything the learner's /cme dashboard shows, for the UTC year of `now`. */
export async function getLearnerDashboard(userId: string, now: Date) {
  const [claims, attempts, licences] = await Promise.all([
    db.cmeCreditClaim.findMany({
      where: { userId, certificate: { revokedAt: null } },
      orderBy: { createdAt: 'desc' },
      select: {
        activityId: true,
        creditQuarters: true,
        certificate: { select: { id: true, activityTitle: true, creditType: true, completedAt: true } },
      },
    }),
    db.cmeAttempt.findMany({
      where: { userId },
      select: {
        id: true,
        number: true,
        result: true,
        correctCount: true,
        questionCount: true,
        activityId: true,
        activity: { select: { title: true } },
      },
    }),
    // Licence states are kept only with the learner's consent (lib/cme/save-learner-profile.ts).
    db.cmeStateLicence.findMany({ where: { userId }, orderBy: { stateCode: 'asc' }, select: { stateCode: true } }),
  ]);
  const completions = claims.flatMap((c) =>
    c.certificate
      ? [
          {
            activityId: c.activityId,
            certificateId: c.certificate.id,
            activityTitle: c.certificate.activityTitle,
            creditType: c.certificate.creditType,
            creditQuarters: c.creditQuarters,
            completedAt: c.certificate.completedAt,
          },
        ]
      : [],
  );
  const stateCodes = licences.map((l) => l.stateCode);
  const [states, requirements] = await Promise.all([
    db.cmeState.findMany({ where: { code: { in: stateCodes } }, orderBy: { name: 'asc' } }),
    db.cmeStateRequirement.findMany({
      where: { stateCode: { in: stateCodes } },
      orderBy: { topic: 'asc' },
      select: {
        id: true,
        topic: true,
        stateCode: true,
        activities: { select: { activity: { select: { id: true, title: true } } } },
      },
    }),
  ]);
  const year = now.getUTCFullYear();
  const completed = new Set(completions.map((c) => c.activityId));
  return {
    year,
    completions,
    creditsThisYear: sumCreditsByType(completions, year),
    inProgress: listInProgress(
      attempts.map((a) => ({ ...a, activityTitle: a.activity.title })),
      completed,
    ),
    states: summarizeStateProgress(
      states,
      requirements.map((r) => ({ ...r, activities: r.activities.map((a) => a.activity) })),
      completed,
    ),
  };
}
