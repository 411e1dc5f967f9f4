import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { areTestPaymentsOn } from './local/test-payments';
import { getStripe, isStripeConfigured } from './stripe-client';

/**
 * Where "Manage subscription" goes: Stripe's Customer Portal for the user's customer, or the local
 * test portal when Stripe is not configured. Null when the user has never paid through Stripe, or
 * when no provider takes payments.
 */
export async function createPortalSession(userId: string): Promise<string | null> {
  if (!isStripeConfigured()) return areTestPaymentsOn() ? '/checkout/test-portal' : null;
  const customer = await db.billingCustomer.findUnique({ where: { userId } });
  if (!customer) return null;
  const session = await getStripe().billingPortal.sessions.create({
    customer: customer.stripeCustomerId,
    return_url: `${env.SITE_URL}/account`,
  });
  return session.url;
}
