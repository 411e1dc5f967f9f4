import 'server-only';
import { db } from '@/lib/db';
import { AppError, NotFoundError } from '@/lib/errors/app-error';
import { evaluationInputSchema, toEvaluationRecord } from './evaluation-input';
import { isUniqueViolation } from './is-unique-violation';

/**
 * Stores the post-activity evaluation of the learner's own passed attempt (once: it is what
 * the claim relies on, so it is not rewritten afterwards).
 */
export async function saveEvaluation(options: { userId: string; input: unknown; now: Date }): Promise<void> {
  const input = evaluationInputSchema.parse(options.input);
  const attempt = await db.cmeAttempt.findFirst({
    where: { id: input.attemptId, userId: options.userId, result: 'passed' },
    select: { id: true },
  });
  if (!attempt) throw new NotFoundError('There is no passed attempt of yours to evaluate.');
  try {
    await db.cmeEvaluation.create({
      data: { attemptId: attempt.id, ...toEvaluationRecord(input), createdAt: options.now },
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError(
        'You have already completed the evaluation of this activity.',
        'conflict',
        'already_evaluated',
      );
    }
    throw error;
  }
}
