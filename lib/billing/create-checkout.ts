import 'server-only';
import { refuseIfAlreadyReadable, refuseIfSubscribed } from './already-entitled';
import { findPlan, type PlanId } from './plans';
import { checkoutProvider, type Buyer, type SoldArticle } from './providers/payment-provider';

/**
 * Checkout for 24-hour access to one article; returns the URL to send the buyer to. A refusal
 * names its times in `timeZone` (the buyer's, where a page for them asks).
 */
export async function createPurchaseCheckout(
  user: Buyer,
  article: SoldArticle & { isFree: boolean },
  timeZone?: string,
): Promise<string> {
  await refuseIfAlreadyReadable(user.id, article, timeZone);
  return checkoutProvider().checkoutPurchase(user, article);
}

/** Checkout for a subscription plan; returns the URL to send the buyer to. */
export async function createSubscriptionCheckout(user: Buyer, planId: PlanId, returnTo: string): Promise<string> {
  const plan = findPlan(planId);
  await refuseIfSubscribed(user.id);
  return checkoutProvider(plan).checkoutSubscription(user, plan, returnTo);
}
