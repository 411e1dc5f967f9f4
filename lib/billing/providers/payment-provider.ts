import 'server-only';
import type { BillingProvider } from '@/generated/prisma/client';
import type { Plan } from '../plans';
import { isLocalCheckoutId, localProvider } from './local/local-provider';
import { isStripeConfigured } from './stripe/stripe-client';
import { stripeProvider } from './stripe/stripe-provider';

export type Buyer = { id: string; email: string; name: string };
export type SoldArticle = { id: string; doi: string; title: string; priceCents: number; currency: string };

/** A finished checkout as its provider reports it, after its purchase or subscription was written. */
export type CheckoutReadBack =
  | { kind: 'purchase' | 'subscription'; subscriptionId: string | null }
  /** A local test checkout left without paying: nothing is on its way. */
  | { kind: 'unpaid'; paymentPage: string };

/**
 * What the site asks of whoever takes the money. Stripe and the local test provider implement it;
 * billing rows name their provider (a column), and every write goes through lib/billing/ledger.ts.
 */
export type PaymentProvider = {
  name: BillingProvider;
  /** The URL to send the buyer to. */
  checkoutPurchase(buyer: Buyer, article: SoldArticle): Promise<string>;
  checkoutSubscription(buyer: Buyer, plan: Plan, returnTo: string): Promise<string>;
  /** Where "Manage subscription" goes; null when there is nothing to manage there. */
  openPortal(userId: string): Promise<string | null>;
  /** Gives the money back (idempotent); the caller takes back the access through the ledger. */
  refund(paymentId: string): Promise<void>;
  /** Stops the billing now or at the period's end (idempotent); the caller writes our row. */
  cancel(subscriptionId: string, when: 'now' | 'period_end'): Promise<void>;
  /** Reads a checkout back from the provider (the URL is not trusted) and fulfils it; null when unknown or not this user's. */
  readCheckout(sessionId: string, userId: string): Promise<CheckoutReadBack | null>;
};

/** The provider that bills a row. */
export function paymentProvider(name: BillingProvider): PaymentProvider {
  return name === 'stripe' ? stripeProvider : localProvider;
}

/** Who takes a new payment: Stripe when configured (and, for a plan, when it has a Stripe price), else the local provider. */
export function checkoutProvider(plan?: Plan): PaymentProvider {
  return isStripeConfigured() && (!plan || plan.stripePriceId) ? stripeProvider : localProvider;
}

/** The provider whose checkout session this is (the id is the provider's own), if it is on. */
export function providerOfCheckout(sessionId: string): PaymentProvider | null {
  if (isLocalCheckoutId(sessionId)) return localProvider;
  return isStripeConfigured() ? stripeProvider : null;
}
