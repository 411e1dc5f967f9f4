import 'server-only';
import { db } from '@/lib/db';
import { fulfilCheckoutSession } from './fulfil-checkout-session';
import { LOCAL_SUBSCRIPTION_PREFIX } from './local/complete-local-checkout';
import { reversalForReader } from './reversal-for-reader';
import { isStripeConfigured } from './stripe-client';

export type CheckoutResult =
  | { kind: 'purchase'; articleTitle: string; doi: string; amountCents: number; currency: string; expiresAt: Date }
  | { kind: 'subscription'; plan: string; currentPeriodEnd: Date; cancelAtPeriodEnd: boolean }
  | { kind: 'pending' }
  /** A local test checkout left without paying: nothing is on its way. */
  | { kind: 'unpaid'; paymentPage: string }
  /** Bought, then refunded or disputed: the access has ended. */
  | { kind: 'reversed'; note: string };

const LOCAL_PREFIX = 'lcs_';

/**
 * What a finished checkout bought, for the success page. A Stripe session is read back and fulfilled
 * first (same code as the webhook), so access shows even before the webhook arrives. Null when the
 * session is unknown or belongs to someone else.
 */
export async function getCheckoutResult(sessionId: string, userId: string): Promise<CheckoutResult | null> {
  let kind: 'purchase' | 'subscription';
  let subscriptionId: string | null = null;
  if (sessionId.startsWith(LOCAL_PREFIX)) {
    const local = await db.localCheckoutSession.findFirst({ where: { id: sessionId, userId } });
    if (!local) return null;
    if (!local.completedAt) return { kind: 'unpaid', paymentPage: `/checkout/test-payment?session=${local.id}` };
    kind = local.mode === 'subscription' ? 'subscription' : 'purchase';
    subscriptionId = `${LOCAL_SUBSCRIPTION_PREFIX}${local.id}`;
  } else {
    if (!isStripeConfigured()) return null;
    const fulfilled = await fulfilCheckoutSession(sessionId, userId);
    if (!fulfilled) return null;
    kind = fulfilled.metadata.kind;
    subscriptionId = fulfilled.subscriptionId;
  }
  if (kind === 'purchase') {
    const purchase = await db.articlePurchase.findFirst({
      where: { stripeCheckoutSessionId: sessionId, userId },
      include: { article: { select: { title: true, doi: true } } },
    });
    if (!purchase) return { kind: 'pending' };
    if (purchase.revokedAt) return { kind: 'reversed', note: reversalForReader(purchase.revokedReason) };
    const { amountCents, currency, expiresAt } = purchase;
    return {
      kind: 'purchase',
      articleTitle: purchase.article.title,
      doi: purchase.article.doi,
      amountCents,
      currency,
      expiresAt,
    };
  }
  const subscription = subscriptionId
    ? await db.subscription.findFirst({ where: { userId, stripeSubscriptionId: subscriptionId } })
    : null;
  if (!subscription) return { kind: 'pending' };
  if (subscription.revokedAt) return { kind: 'reversed', note: reversalForReader(subscription.revokedReason) };
  const { plan, currentPeriodEnd, cancelAtPeriodEnd } = subscription;
  return { kind: 'subscription', plan, currentPeriodEnd, cancelAtPeriodEnd };
}
