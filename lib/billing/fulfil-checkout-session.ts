import 'server-only';
import { now } from '@/lib/clock';
import { db } from '@/lib/db';
import { checkoutMetadataSchema, type CheckoutMetadata } from './checkout-metadata';
import { convergeSubscription } from './converge-subscription';
import { purchaseEffect } from './fulfil-purchase';
import { idOf } from './id-of';
import { getStripe, type Stripe } from './stripe-client';
import { runOneStatement, type OneStatementEffect } from './tx';

const PAID = new Set(['paid', 'no_payment_required']);

/** Our metadata on a Checkout Session, parsed; null for a session we did not create (or tampered). */
export function readCheckoutMetadata(session: Stripe.Checkout.Session): CheckoutMetadata | null {
  const parsed = checkoutMetadataSchema.safeParse(session.metadata);
  if (!parsed.success || parsed.data.userId !== session.client_reference_id) return null;
  return parsed.data;
}

/**
 * What a completed Checkout Session grants: 24-hour access once paid (an async payment method
 * waits for async_payment_succeeded), or the subscription as Stripe now reports it.
 * Shared by the webhook and the success page; the returned effect is idempotent.
 */
export async function prepareCheckoutFulfilment(session: Stripe.Checkout.Session): Promise<OneStatementEffect | null> {
  const metadata = readCheckoutMetadata(session);
  if (!metadata) {
    console.warn(`Checkout Session ${session.id} carries no valid metadata of ours; ignored.`);
    return null;
  }
  if (metadata.kind === 'subscription') {
    const subscriptionId = idOf(session.subscription);
    return subscriptionId ? convergeSubscription(subscriptionId) : null;
  }
  if (!PAID.has(session.payment_status)) return null;
  const { userId, articleId } = metadata;
  return purchaseEffect({
    checkoutSessionId: session.id,
    userId,
    articleId,
    amountCents: session.amount_total ?? 0,
    currency: session.currency ?? 'usd',
    paymentIntentId: idOf(session.payment_intent),
    confirmedAt: now(),
  });
}

/**
 * The success page's fulfilment: reads the session back from Stripe (the URL is not trusted) and
 * fulfils it at once, so access shows before the webhook arrives. Only the buyer may fulfil.
 */
export async function fulfilCheckoutSession(
  sessionId: string,
  userId: string,
): Promise<{ metadata: CheckoutMetadata; subscriptionId: string | null } | null> {
  const session = await getStripe().checkout.sessions.retrieve(sessionId);
  const metadata = readCheckoutMetadata(session);
  if (!metadata || metadata.userId !== userId) return null;
  const effect = await prepareCheckoutFulfilment(session);
  if (effect) await runOneStatement(db, effect);
  return { metadata, subscriptionId: idOf(session.subscription) };
}
