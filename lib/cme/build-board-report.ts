import 'server-only';
import type { z } from 'zod';
import type { cmeReportSchema } from '@/lib/admin/cme-report';
import { dayRange } from '@/lib/admin/date-range';
import { db } from '@/lib/db';
import { checkBoardRow, type BoardCompletion, type ReportRow } from './board-report-rows';

export type BoardReportKind = 'pars' | 'abim-moc';

export type RefusedRow = { certificateId: string; learnerName: string; activityTitle: string; reasons: string[] };

/**
 * Completions in the filter, checked for a PARS learner upload (every completion) or ABIM MOC
 * records (completions of activities that carry MOC points). A learner's board id and birth
 * month/day are read only where they consented (withdrawn consent erased them already).
 */
export async function buildBoardReport(
  kind: BoardReportKind,
  filter: z.infer<typeof cmeReportSchema>,
): Promise<{ rows: ReportRow[]; refused: RefusedRow[] }> {
  const claims = await db.cmeCreditClaim.findMany({
    where: {
      ...(filter.activityId ? { activityId: filter.activityId } : {}),
      ...(kind === 'abim-moc' ? { activity: { abimMocPoints: { gt: 0 } } } : {}),
      attestedAt: dayRange(filter.from, filter.to),
      certificate: { revokedAt: null },
    },
    orderBy: { attestedAt: 'asc' },
    select: {
      creditQuarters: true,
      activityId: true,
      activity: { select: { title: true, maxCreditQuarters: true, abimMocPoints: true } },
      certificate: { select: { id: true, learnerName: true, completedAt: true } },
      user: { select: { cmeProfile: true } },
    },
  });
  const rows: ReportRow[] = [];
  const refused: RefusedRow[] = [];
  for (const c of claims) {
    if (!c.certificate) continue;
    const p = c.user.cmeProfile;
    const completion: BoardCompletion = {
      certificateId: c.certificate.id,
      activityId: c.activityId,
      activityTitle: c.activity.title,
      learnerName: c.certificate.learnerName,
      completedAt: c.certificate.completedAt,
      creditQuarters: c.creditQuarters,
      maxCreditQuarters: c.activity.maxCreditQuarters,
      abimMocPoints: c.activity.abimMocPoints,
      boardName: p?.boardConsent ? p.boardName : null,
      boardId: p?.boardConsent ? p.boardId : null,
      birthMonth: p?.birthConsent ? p.birthMonth : null,
      birthDay: p?.birthConsent ? p.birthDay : null,
    };
    const check = checkBoardRow(completion, kind);
    if (check.isValid) rows.push(check.row);
    else
      refused.push({
        certificateId: completion.certificateId,
        learnerName: completion.learnerName,
        activityTitle: completion.activityTitle,
        reasons: check.reasons,
      });
  }
  return { rows, refused };
}
