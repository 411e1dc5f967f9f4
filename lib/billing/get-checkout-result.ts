import 'server-only';
import { db } from '@/lib/db';
import { providerOfCheckout } from './providers/payment-provider';
import { reversalForReader } from './reversal-for-reader';

export type CheckoutResult =
  | { kind: 'purchase'; articleTitle: string; doi: string; amountCents: number; currency: string; expiresAt: Date }
  | { kind: 'subscription'; plan: string; currentPeriodEnd: Date; cancelAtPeriodEnd: boolean }
  | { kind: 'pending' }
  /** A local test checkout left without paying: nothing is on its way. */
  | { kind: 'unpaid'; paymentPage: string }
  /** Bought, then refunded or disputed: the access has ended. */
  | { kind: 'reversed'; note: string };

/**
 * What a finished checkout bought, for the success page. The session is read back from its
 * provider and fulfilled first (same code as the webhook), so access shows even before the
 * webhook arrives. Null when the session is unknown or belongs to someone else.
 */
export async function getCheckoutResult(sessionId: string, userId: string): Promise<CheckoutResult | null> {
  const provider = providerOfCheckout(sessionId);
  const readBack = provider ? await provider.readCheckout(sessionId, userId) : null;
  if (!provider || !readBack) return null;
  if (readBack.kind === 'unpaid') return readBack;
  if (readBack.kind === 'purchase') {
    const purchase = await db.articlePurchase.findFirst({
      where: { provider: provider.name, providerCheckoutId: sessionId, userId },
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
  const subscription = readBack.subscriptionId
    ? await db.subscription.findFirst({
        where: { userId, provider: provider.name, providerSubscriptionId: readBack.subscriptionId },
      })
    : null;
  if (!subscription) return { kind: 'pending' };
  if (subscription.revokedAt) return { kind: 'reversed', note: reversalForReader(subscription.revokedReason) };
  const { plan, currentPeriodEnd, cancelAtPeriodEnd } = subscription;
  return { kind: 'subscription', plan, currentPeriodEnd, cancelAtPeriodEnd };
}
