// The one rule for who may read an article's full text. Every surface (article page, full-text
// API, PDF, search, caches) asks this function; nothing else re-derives access.
// Pure: facts in, decision out, so every source × state × boundary is unit-tested.

export type SubscriptionFact = {
  plan: string;
  status: 'active' | 'trialing' | 'past_due' | 'canceled' | 'unpaid' | 'incomplete' | 'incomplete_expired' | 'paused';
  source: 'payment' | 'activation' | 'complimentary';
  startsAt: Date;
  currentPeriodEnd: Date;
  revokedAt: Date | null;
};

export type PurchaseFact = {
  articleId: string;
  confirmedAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
};

export type InstitutionFact = { name: string; activeFrom: Date; activeUntil: Date | null };

export type AccessFacts = {
  now: Date;
  article: { id: string; isFree: boolean };
  subscriptions: SubscriptionFact[];
  purchases: PurchaseFact[];
  institutions: InstitutionFact[];
};

export type AccessDecision =
  | { canRead: true; source: 'free' }
  | { canRead: true; source: 'subscription'; until: Date; via: SubscriptionFact['source'] }
  | { canRead: true; source: 'purchase'; until: Date }
  | { canRead: true; source: 'institution'; institution: string }
  | { canRead: false; source: 'none' };

/** Subscription states in which Stripe (or we) still grant access until the period ends. */
const READING_STATUSES: ReadonlySet<string> = new Set<SubscriptionFact['status']>(['active', 'trialing', 'past_due']);

/** Also takes a stored row, whose status is any string of Stripe's vocabulary. */
export function isSubscriptionOpen(
  s: Pick<SubscriptionFact, 'startsAt' | 'currentPeriodEnd' | 'revokedAt'> & { status: string },
  now: Date,
) {
  return READING_STATUSES.has(s.status) && !s.revokedAt && s.startsAt <= now && now < s.currentPeriodEnd;
}

function isPurchaseOpen(p: PurchaseFact, articleId: string, now: Date) {
  // The end is exclusive: at confirmedAt + 24 h to the millisecond the access has ended.
  return p.articleId === articleId && !p.revokedAt && p.confirmedAt <= now && now < p.expiresAt;
}

function isInstitutionOpen(i: InstitutionFact, now: Date) {
  return i.activeFrom <= now && (i.activeUntil === null || now < i.activeUntil);
}

/**
 * Decides access. When several sources open the article, one is named in a fixed order, not by
 * how long it lasts: free, then a subscription, then an institution, then a 24-hour purchase.
 * Within subscriptions and within purchases, the one that ends last is named.
 */
export function decideAccess(facts: AccessFacts): AccessDecision {
  const { now, article } = facts;
  if (article.isFree) return { canRead: true, source: 'free' };

  const subscription = facts.subscriptions
    .filter((s) => isSubscriptionOpen(s, now))
    .sort((a, b) => b.currentPeriodEnd.getTime() - a.currentPeriodEnd.getTime())[0];
  if (subscription) {
    return { canRead: true, source: 'subscription', until: subscription.currentPeriodEnd, via: subscription.source };
  }

  const institution = facts.institutions.find((i) => isInstitutionOpen(i, now));
  if (institution) return { canRead: true, source: 'institution', institution: institution.name };

  const purchase = facts.purchases
    .filter((p) => isPurchaseOpen(p, article.id, now))
    .sort((a, b) => b.expiresAt.getTime() - a.expiresAt.getTime())[0];
  if (purchase) return { canRead: true, source: 'purchase', until: purchase.expiresAt };

  return { canRead: false, source: 'none' };
}
