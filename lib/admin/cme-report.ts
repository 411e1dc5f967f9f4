import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { dayRange, optionalDay } from './date-range';
import { formatCredits } from '@/lib/cme/format-credits';
import { formatCsv } from '@/lib/cme/format-csv';
import { formatIsoDate } from '@/lib/format-date';
import { FOLLOW_UP_ANSWER_LABELS } from '@/lib/cme/follow-up-email';

export const cmeReportSchema = z.object({
  activityId: z.string().max(40).catch('').default(''),
  from: optionalDay,
  to: optionalDay,
});

export type CmeCompletionRow = {
  learnerName: string;
  email: string;
  activity: string;
  completedOn: string;
  creditType: string;
  credits: string;
  /** Board-reporting fields: present only where the learner consented to share them. */
  npi: string;
  licences: string;
  boardId: string;
  birthMonthDay: string;
  /** The Commitment to Change and its follow-up (empty where there is none, or not yet). */
  commitment: string;
  followUpSentOn: string;
  followUpAnswer: string;
  followUpBarriers: string;
  followUpAnsweredOn: string;
};

/** Completions (credit claims) for board reporting, filtered by activity and completion date. */
export async function listCmeCompletions(filter: z.infer<typeof cmeReportSchema>): Promise<CmeCompletionRow[]> {
  const claims = await db.cmeCreditClaim.findMany({
    where: {
      ...(filter.activityId ? { activityId: filter.activityId } : {}),
      attestedAt: dayRange(filter.from, filter.to),
    },
    orderBy: { attestedAt: 'asc' },
    include: {
      activity: { select: { title: true, creditType: true } },
      attempt: { select: { commitment: true, followUp: true } },
      user: {
        select: { name: true, email: true, cmeProfile: { include: { licences: { orderBy: { stateCode: 'asc' } } } } },
      },
    },
  });
  return claims.map((c) => {
    const p = c.user.cmeProfile;
    return {
      learnerName: c.user.name,
      email: c.user.email,
      activity: c.activity.title,
      completedOn: formatIsoDate(c.attestedAt),
      creditType: c.activity.creditType,
      credits: formatCredits(c.creditQuarters),
      npi: p?.npiConsent ? (p.npi ?? '') : '',
      licences: p?.licencesConsent ? p.licences.map((l) => `${l.stateCode} ${l.number}`).join('; ') : '',
      boardId: p?.boardConsent ? [p.boardName, p.boardId].filter(Boolean).join(' ') : '',
      birthMonthDay:
        p?.birthConsent && p.birthMonth && p.birthDay
          ? `${String(p.birthMonth).padStart(2, '0')}-${String(p.birthDay).padStart(2, '0')}`
          : '',
      commitment: c.attempt.commitment ?? '',
      followUpSentOn: day(c.attempt.followUp?.sentAt),
      followUpAnswer: c.attempt.followUp?.answer ? FOLLOW_UP_ANSWER_LABELS[c.attempt.followUp.answer] : '',
      followUpBarriers: c.attempt.followUp?.barriers ?? '',
      followUpAnsweredOn: day(c.attempt.followUp?.answeredAt),
    };
  });
}

const day = (d: Date | null | undefined) => d?.toISOString().slice(0, 10) ?? '';

const COLUMNS: [keyof CmeCompletionRow, string][] = [
  ['learnerName', 'Learner name'],
  ['email', 'Email'],
  ['activity', 'Activity'],
  ['completedOn', 'Completion date'],
  ['creditType', 'Credit type'],
  ['credits', 'Credits'],
  ['npi', 'NPI'],
  ['licences', 'State licences'],
  ['boardId', 'Certifying board id'],
  ['birthMonthDay', 'Birth month-day'],
  ['commitment', 'Commitment to Change'],
  ['followUpSentOn', 'Follow-up sent'],
  ['followUpAnswer', 'Change made?'],
  ['followUpBarriers', 'Barriers'],
  ['followUpAnsweredOn', 'Answered on'],
];

/** RFC 4180 CSV (lib/cme/format-csv.ts, which also defuses spreadsheet formulas). */
export function completionsToCsv(rows: CmeCompletionRow[]): string {
  return formatCsv([COLUMNS.map(([, h]) => h), ...rows.map((r) => COLUMNS.map(([k]) => r[k]))]);
}
