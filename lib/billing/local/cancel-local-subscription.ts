import 'server-only';
import { db } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';
import { LOCAL_SUBSCRIPTION_PREFIX } from './complete-local-checkout';
import { requireTestPayments } from './test-payments';

/** The local portal's "Cancel": like Stripe's default, access stays until the period ends. */
export async function cancelLocalSubscription(subscriptionId: string, userId: string): Promise<void> {
  requireTestPayments();
  const { count } = await db.subscription.updateMany({
    where: { id: subscriptionId, userId, stripeSubscriptionId: { startsWith: LOCAL_SUBSCRIPTION_PREFIX } },
    data: { cancelAtPeriodEnd: true },
  });
  if (count === 0) throw new NotFoundError('No such subscription on this account.');
}
