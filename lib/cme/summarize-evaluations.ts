import { formatCsv } from './format-csv';
import { formatIsoDate } from '@/lib/format-date';

export type EvaluationRow = {
  activityId: string;
  activityTitle: string;
  createdAt: Date;
  objectivesMet: number;
  isRelevant: boolean;
  isFreeOfBias: boolean;
  biasComment: string | null;
  intendedChange: string | null;
};

export type EvaluationSummary = {
  activityId: string;
  activityTitle: string;
  count: number;
  /** mean of the 1–5 rating, to 2 decimals */
  objectivesMetAverage: number;
  relevantCount: number;
  freeOfBiasCount: number;
  biasReportedCount: number;
  intendedChangeCount: number;
};

/** Per activity: how many evaluated it, the mean objectives rating, and the yes counts. */
export function summarizeEvaluations(rows: EvaluationRow[]): EvaluationSummary[] {
  const byActivity = new Map<string, EvaluationRow[]>();
  for (const row of rows) byActivity.set(row.activityId, [...(byActivity.get(row.activityId) ?? []), row]);
  return [...byActivity.values()]
    .map((group) => ({
      activityId: group[0]!.activityId,
      activityTitle: group[0]!.activityTitle,
      count: group.length,
      objectivesMetAverage: Math.round((group.reduce((sum, r) => sum + r.objectivesMet, 0) / group.length) * 100) / 100,
      relevantCount: group.filter((r) => r.isRelevant).length,
      freeOfBiasCount: group.filter((r) => r.isFreeOfBias).length,
      biasReportedCount: group.filter((r) => !r.isFreeOfBias).length,
      intendedChangeCount: group.filter((r) => r.intendedChange).length,
    }))
    .sort((a, b) => a.activityTitle.localeCompare(b.activityTitle));
}

const HEADER = [
  'Submitted',
  'Activity',
  'Objectives met (1-5)',
  'Relevant to practice',
  'Free of commercial bias',
  'Bias comment',
  'Intended change',
];

/** The evaluations, one per row, without the learner's identity (the provider reviews answers, not people). */
export function formatEvaluationsCsv(rows: EvaluationRow[]): string {
  const yesNo = (b: boolean) => (b ? 'yes' : 'no');
  return formatCsv([
    HEADER,
    ...rows.map((r) => [
      formatIsoDate(r.createdAt),
      r.activityTitle,
      String(r.objectivesMet),
      yesNo(r.isRelevant),
      yesNo(r.isFreeOfBias),
      r.biasComment ?? '',
      r.intendedChange ?? '',
    ]),
  ]);
}
