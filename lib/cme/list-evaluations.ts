import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { cmeIdSchema } from './cme-id';
import type { EvaluationRow } from './summarize-evaluations';

export const evaluationFilterSchema = z.object({ activityId: z.union([cmeIdSchema, z.literal('')]).default('') });

/** Every stored evaluation (of one activity, or all), oldest first, for the admin summary and CSV. */
export async function listEvaluations(filter: z.infer<typeof evaluationFilterSchema>): Promise<EvaluationRow[]> {
  const rows = await db.cmeEvaluation.findMany({
    where: filter.activityId ? { attempt: { activityId: filter.activityId } } : {},
    orderBy: { createdAt: 'asc' },
    include: { attempt: { select: { activity: { select: { id: true, title: true } } } } },
  });
  return rows.map((r) => ({
    activityId: r.attempt.activity.id,
    activityTitle: r.attempt.activity.title,
    createdAt: r.createdAt,
    objectivesMet: r.objectivesMet,
    isRelevant: r.isRelevant,
    isFreeOfBias: r.isFreeOfBias,
    biasComment: r.biasComment,
    intendedChange: r.intendedChange,
  }));
}
