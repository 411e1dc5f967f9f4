import 'server-only';
import type { z } from 'zod';
import { db } from '@/lib/db';
import { now as clockNow } from '@/lib/clock';
import { AppError, ValidationError } from '@/lib/errors';
import type { activationSchema } from '@/lib/auth/account-schemas';

const NOT_FOUND =
  'We could not find a subscription with those details. Check the number and last name as printed on your membership card or mailing label.';

/**
 * Claims an existing subscription (society member or print subscriber) for this account, once.
 * The claim is a conditional update inside a transaction: two accounts racing for the same
 * record cannot both win, and a second account gets a clear refusal.
 */
export async function activateMembership(userId: string, input: z.infer<typeof activationSchema>, now = clockNow()) {
  const record = await db.memberRecord.findFirst({
    where:
      'activationCode' in input
        ? { activationCode: input.activationCode.toUpperCase() }
        : { memberNumber: input.memberNumber, lastName: { equals: input.lastName, mode: 'insensitive' } },
  });
  if (!record) throw new ValidationError(NOT_FOUND);
  if (record.claimedByUserId === userId)
    throw new AppError('You have already activated this subscription on your account.', 409, 'already_yours');
  if (record.claimedByUserId) {
    throw new AppError(
      'This subscription has already been activated by another account. If that was not you, please contact the journal office.',
      409,
      'already_claimed',
    );
  }
  if (record.expiresAt <= now)
    throw new ValidationError('This subscription has expired. Please renew it with the society or subscribe online.');

  return db.$transaction(async (tx) => {
    const claimed = await tx.memberRecord.updateMany({
      where: { id: record.id, claimedByUserId: null },
      data: { claimedByUserId: userId, claimedAt: now },
    });
    if (claimed.count === 0)
      throw new AppError('This subscription has just been activated by another account.', 409, 'already_claimed');
    const subscription = await tx.subscription.create({
      data: {
        userId,
        plan: record.plan,
        status: 'active',
        source: 'activation',
        startsAt: now,
        currentPeriodEnd: record.expiresAt,
      },
    });
    await tx.memberRecord.update({ where: { id: record.id }, data: { subscriptionId: subscription.id } });
    return subscription;
  });
}
