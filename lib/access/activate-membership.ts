import 'server-only';
import type { z } from 'zod';
import { db } from '@/lib/db';
import { now as clockNow } from '@/lib/clock';
import { AppError } from '@/lib/errors/app-error';
import { grantSubscription } from '@/lib/billing/ledger';
import type { activationSchema } from '@/lib/auth/account-schemas';
import {
  ACTIVATION_PER_ACCOUNT,
  ACTIVATION_PER_IP,
  hitRateLimit,
  minutesText,
  refundRateLimit,
} from '@/lib/auth/rate-limit';

/**
 * The one answer for every refusal that would tell a stranger something about a record: not
 * found, claimed by another account (before or during this claim), expired. Only the record's own
 * holder hears more ("already yours").
 */
export const ACTIVATION_REFUSED =
  'We could not activate a subscription with those details. Check the number and last name, or the code, as printed on your membership card or mailing label; if they are right, please contact the journal office.';

const refused = () => new AppError(ACTIVATION_REFUSED, 'invalid', 'activation_refused');

/**
 * Claims an existing subscription (society member or print subscriber) for this account, once.
 * Throttled per account and per address (a success is not counted), so numbers and codes cannot
 * be guessed. The claim is a conditional update inside a transaction: two accounts racing for the
 * same record cannot both win.
 */
export async function activateMembership(
  userId: string,
  input: z.infer<typeof activationSchema>,
  { ip = null, now = clockNow() }: { ip?: string | null; now?: Date } = {},
) {
  // Counted before looking (parallel guesses cannot overshoot); taken back on success.
  const accountKey = `activate:account:${userId}`;
  const ipKey = ip ? `activate:ip:${ip}` : null;
  const perAccount = await hitRateLimit(accountKey, ACTIVATION_PER_ACCOUNT);
  const perIp = ipKey ? await hitRateLimit(ipKey, ACTIVATION_PER_IP) : { isLimited: false, retryAfterSeconds: 0 };
  if (perAccount.isLimited || perIp.isLimited) {
    const wait = Math.max(
      perAccount.isLimited ? perAccount.retryAfterSeconds : 0,
      perIp.isLimited ? perIp.retryAfterSeconds : 0,
    );
    throw new AppError(
      `Too many activation attempts. Please wait ${minutesText(wait)} and try again, or contact the journal office.`,
      'rate_limited',
      'rate_limited',
    );
  }

  const record = await db.memberRecord.findFirst({
    where:
      'activationCode' in input
        ? { activationCode: input.activationCode.toUpperCase() }
        : { memberNumber: input.memberNumber, lastName: { equals: input.lastName, mode: 'insensitive' } },
  });
  if (record && record.claimedByUserId === userId)
    throw new AppError('You have already activated this subscription on your account.', 'conflict', 'already_yours');
  if (!record || record.claimedByUserId || record.expiresAt <= now) throw refused();

  const subscription = await db.$transaction(async (tx) => {
    const claimed = await tx.memberRecord.updateMany({
      where: { id: record.id, claimedByUserId: null },
      data: { claimedByUserId: userId, claimedAt: now },
    });
    if (claimed.count === 0) throw refused();
    const created = await grantSubscription(tx, {
      userId,
      plan: record.plan,
      source: 'activation',
      startsAt: now,
      currentPeriodEnd: record.expiresAt,
    });
    await tx.memberRecord.update({ where: { id: record.id }, data: { subscriptionId: created.id } });
    return created;
  });
  await refundRateLimit(accountKey);
  if (ipKey) await refundRateLimit(ipKey);
  return subscription;
}
