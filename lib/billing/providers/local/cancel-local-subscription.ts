import 'server-only';
import { isSubscriptionOpen } from '@/lib/access/decide-access';
import { now } from '@/lib/clock';
import { db } from '@/lib/db';
import { NotFoundError, ValidationError } from '@/lib/errors/app-error';
import { cancelSubscription, resumeSubscription, type Tx } from '@/lib/billing/ledger';
import { requireTestPayments } from './test-payments';

async function changeLocalSubscription(
  subscriptionId: string,
  userId: string,
  change: (tx: Tx, id: string, at: Date) => Promise<unknown>,
) {
  requireTestPayments();
  await db.$transaction(async (tx) => {
    const mine = await tx.subscription.findFirst({ where: { id: subscriptionId, userId, provider: 'local' } });
    if (!mine) throw new NotFoundError('No such subscription on this account.');
    const at = now();
    if (!isSubscriptionOpen(mine, at))
      throw new ValidationError('This subscription has ended; take a new one instead.');
    await change(tx, mine.id, at);
  });
}

/** The local portal's "Cancel": like Stripe's default, access stays until the period ends. */
export function cancelLocalSubscription(subscriptionId: string, userId: string): Promise<void> {
  return changeLocalSubscription(subscriptionId, userId, (tx, id, at) => cancelSubscription(tx, id, 'period_end', at));
}

/** The local portal's "Resume": a cancelled subscription that has not ended renews again, as in Stripe's portal. */
export function resumeLocalSubscription(subscriptionId: string, userId: string): Promise<void> {
  return changeLocalSubscription(subscriptionId, userId, (tx, id) => resumeSubscription(tx, id));
}
