import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { AppError, NotFoundError } from '@/lib/errors/app-error';
import { assertAvailable } from './describe-availability';
import { isUniqueViolation } from './is-unique-violation';
import { newCertificateId } from './new-certificate-id';
import { parseCreditClaim } from './parse-credit-claim';

export const ATTESTATION = 'I claim only the credit commensurate with the extent of my participation';

export const claimInputSchema = z.object({
  attemptId: z.string().min(1).max(64),
  credits: z.string().trim().min(1, 'Choose the credit to claim.').max(10),
  attest: z.literal('on', { error: `Tick “${ATTESTATION}” to claim credit.` }),
});

/**
 * Claims credit for the learner's own passed attempt and issues its certificate, in one
 * transaction. One claim per learner and activity (a unique key, so a double click cannot make two).
 * Refused while the activity is closed (422), for any but the last passing attempt (409) and until
 * the attempt's evaluation is stored (409).
 */
export async function claimCredit(options: {
  userId: string;
  attemptId: string;
  credits: string;
  now: Date;
}): Promise<{ certificateId: string }> {
  const attempt = await db.cmeAttempt.findFirst({
    where: { id: options.attemptId, userId: options.userId, result: 'passed' },
    include: { activity: true, user: { select: { name: true } }, evaluation: { select: { id: true } } },
  });
  if (!attempt) throw new NotFoundError('There is no passed attempt of yours to claim credit for.');
  assertAvailable(attempt.activity, options.now);
  const later = await db.cmeAttempt.findFirst({
    where: { userId: options.userId, activityId: attempt.activityId, result: 'passed', number: { gt: attempt.number } },
    orderBy: { number: 'desc' },
    select: { number: true },
  });
  if (later) {
    throw new AppError(
      `Your last passing attempt (attempt ${later.number}) is the one that counts: claim credit from its result page.`,
      'conflict',
      'later_attempt_counts',
    );
  }
  if (!attempt.evaluation) {
    throw new AppError(
      'Complete the activity evaluation before claiming credit: it is part of the activity.',
      'conflict',
      'evaluation_required',
    );
  }
  const quarters = parseCreditClaim(options.credits, attempt.activity.maxCreditQuarters);
  const certificateId = newCertificateId();
  try {
    await db.cmeCreditClaim.create({
      data: {
        userId: options.userId,
        activityId: attempt.activityId,
        attemptId: attempt.id,
        creditQuarters: quarters,
        attestedAt: options.now,
        createdAt: options.now,
        certificate: {
          create: {
            id: certificateId,
            learnerName: attempt.user.name,
            activityTitle: attempt.activity.title,
            creditType: attempt.activity.creditType,
            creditQuarters: quarters,
            completedAt: attempt.submittedAt,
            issuedAt: options.now,
          },
        },
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('You have already claimed credit for this activity.', 'conflict', 'already_claimed');
    }
    throw error;
  }
  return { certificateId };
}
