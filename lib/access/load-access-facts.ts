import 'server-only';
import { db } from '@/lib/db';
import type { AccessFacts, SubscriptionFact } from './decide-access';
import { findInstitutionsForIp } from './find-institutions-for-ip';

export type Reader = { userId: string | null; ip: string | null };

/** Loads the facts the access decision needs for one reader and one article. */
export async function loadAccessFacts(
  reader: Reader,
  article: { id: string; isFree: boolean },
  now: Date,
): Promise<AccessFacts> {
  if (article.isFree) return { now, article, subscriptions: [], purchases: [], institutions: [] };
  const [subscriptions, purchases, institutions] = await Promise.all([
    reader.userId
      ? db.subscription.findMany({
          where: { userId: reader.userId, revokedAt: null, currentPeriodEnd: { gt: now } },
          select: { plan: true, status: true, source: true, startsAt: true, currentPeriodEnd: true, revokedAt: true },
        })
      : [],
    reader.userId
      ? db.articlePurchase.findMany({
          where: { userId: reader.userId, articleId: article.id, revokedAt: null, expiresAt: { gt: now } },
          select: { articleId: true, confirmedAt: true, expiresAt: true, revokedAt: true },
        })
      : [],
    reader.ip ? findInstitutionsForIp(reader.ip) : [],
  ]);
  return {
    now,
    article,
    // Status strings come from Stripe's vocabulary; the decision treats unknown ones as closed.
    subscriptions: subscriptions.map((s) => ({ ...s, status: s.status as SubscriptionFact['status'] })),
    purchases,
    institutions,
  };
}
