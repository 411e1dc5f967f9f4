import 'server-only';
import { db } from '@/lib/db';
import { fulfilCheckoutSession } from './fulfil-checkout-session';
import { isStripeConfigured } from './stripe-client';

export type CheckoutResult =
  | { kind: 'purchase'; articleTitle: string; doi: string; amountCents: number; currency: string; expiresAt: Date }
  | { kind: 'subscription'; plan: string; currentPeriodEnd: Date; cancelAtPeriodEnd: boolean }
  | { kind: 'pending' };

const LOCAL_PREFIX = 'lcs_';

/**
 * What a finished checkout bought, for the success page. A Stripe session is read back and fulfilled
 * first (same code as the webhook), so access shows even before the webhook arrives. Null when the
 * session is unknown or belongs to someone else.
 */
export async function getCheckoutResult(sessionId: string, userId: string): Promise<CheckoutResult | null> {
  let kind: 'purchase' | 'subscription';
  if (sessionId.startsWith(LOCAL_PREFIX)) {
    const local = await db.localCheckoutSession.findFirst({ where: { id: sessionId, userId } });
    if (!local) return null;
    if (!local.completedAt) return { kind: 'pending' };
    kind = local.mode === 'subscription' ? 'subscription' : 'purchase';
  } else {
    if (!isStripeConfigured()) return null;
    const metadata = await fulfilCheckoutSession(sessionId, userId);
    if (!metadata) return null;
    kind = metadata.kind;
  }
  if (kind === 'purchase') {
    const purchase = await db.articlePurchase.findFirst({
      where: { stripeCheckoutSessionId: sessionId, userId },
      include: { article: { select: { title: true, doi: true } } },
    });
    if (!purchase) return { kind: 'pending' };
    const { amountCents, currency, expiresAt } = purchase;
    return { kind: 'purchase', articleTitle: purchase.article.title, doi: purchase.article.doi, amountCents, currency, expiresAt };
  }
  const subscription = await db.subscription.findFirst({ where: { userId, source: 'payment' }, orderBy: { createdAt: 'desc' } });
  if (!subscription) return { kind: 'pending' };
  const { plan, currentPeriodEnd, cancelAtPeriodEnd } = subscription;
  return { kind: 'subscription', plan, currentPeriodEnd, cancelAtPeriodEnd };
}
