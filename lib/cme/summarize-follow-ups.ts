import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { db } from '@/lib/db';

export type FollowUpSummary = {
  activityId: string;
  activityTitle: string;
  commitments: number;
  asked: number;
  answered: number;
  implemented: number;
  partly: number;
  notYet: number;
  barriers: number;
};

/**
 * Per activity: Commitments to Change written, follow-ups emailed and what learners answered
 * (all dates; optionally one activity), for the admin's CME report.
 */
export async function summarizeFollowUps(filter: { activityId: string }): Promise<FollowUpSummary[]> {
  const rows = await db.$queryRaw<
    (Omit<FollowUpSummary, 'activityId' | 'activityTitle'> & { id: string; title: string })[]
  >`
    SELECT a.id, a.title,
           count(*)::int AS commitments, count(f.id)::int AS asked, count(f.answer)::int AS answered,
           count(*) FILTER (WHERE f.answer = 'implemented')::int AS implemented,
           count(*) FILTER (WHERE f.answer = 'partly')::int AS partly,
           count(*) FILTER (WHERE f.answer = 'not_yet')::int AS "notYet",
           count(*) FILTER (WHERE f.answer = 'barriers')::int AS barriers
      FROM "CmeAttempt" t
      JOIN "CmeActivity" a ON a.id = t."activityId"
      LEFT JOIN "CmeCommitmentFollowUp" f ON f."attemptId" = t.id
     WHERE t.commitment IS NOT NULL ${filter.activityId ? Prisma.sql`AND a.id = ${filter.activityId}` : Prisma.empty}
     GROUP BY a.id, a.title
     ORDER BY a.title`;
  return rows.map(({ id, title, ...counts }) => ({ activityId: id, activityTitle: title, ...counts }));
}
