import 'server-only';
import { decideAccess, isSubscriptionOpen } from '@/lib/access/decide-access';
import { describeAccess } from '@/lib/access/describe-access';
import { loadAccessFacts } from '@/lib/access/load-access-facts';
import { now as clockNow } from '@/lib/clock';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { formatDate, JOURNAL_TIME_ZONE } from '@/lib/format-date';

// We never sell what a reader already has. Only what their own account holds counts: an
// institution's network is where they are, not what they own.

/**
 * Refuses 24-hour access to an article the reader can already read on their account; the reason
 * names its times in `timeZone` (the reader's where a page for them asks).
 */
export async function refuseIfAlreadyReadable(
  userId: string,
  article: { id: string; isFree: boolean },
  timeZone = JOURNAL_TIME_ZONE,
) {
  const now = clockNow();
  const decision = decideAccess(await loadAccessFacts({ userId, ip: null }, article, now));
  if (decision.canRead) {
    throw new AppError(
      `You can already read this article (${describeAccess(decision, now, timeZone)}): there is nothing to buy.`,
      'conflict',
      'already_entitled',
    );
  }
}

/** The reader's subscription that gives access now, if any (the one that lasts longest). */
export async function openSubscriptionOf(userId: string) {
  const now = clockNow();
  const subscriptions = await db.subscription.findMany({
    where: { userId, revokedAt: null, currentPeriodEnd: { gt: now } },
    orderBy: { currentPeriodEnd: 'desc' },
  });
  return subscriptions.find((s) => isSubscriptionOpen(s, now));
}

/** Refuses a second subscription while one gives access. */
export async function refuseIfSubscribed(userId: string) {
  const open = await openSubscriptionOf(userId);
  if (open) {
    throw new AppError(
      `You already have a subscription until ${formatDate(open.currentPeriodEnd)}. Manage it on My Account.`,
      'conflict',
      'already_subscribed',
    );
  }
}
