import 'server-only';
import { now } from '@/lib/clock';
import { db } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';
import { cancelSubscription } from '@/lib/billing/ledger';
import { requireTestPayments } from './test-payments';

/** The local portal's "Cancel": like Stripe's default, access stays until the period ends. */
export async function cancelLocalSubscription(subscriptionId: string, userId: string): Promise<void> {
  requireTestPayments();
  await db.$transaction(async (tx) => {
    const mine = await tx.subscription.findFirst({ where: { id: subscriptionId, userId, provider: 'local' } });
    if (!mine) throw new NotFoundError('No such subscription on this account.');
    await cancelSubscription(tx, mine.id, 'period_end', now());
  });
}
