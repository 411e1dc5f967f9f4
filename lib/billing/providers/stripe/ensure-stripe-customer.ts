import 'server-only';
import { db } from '@/lib/db';
import { getStripe } from './stripe-client';

/**
 * The user's one Stripe customer id. Looked up first; created once with an idempotency key named
 * after the user, so two clicks at once get the same customer from Stripe and store one row.
 */
export async function ensureStripeCustomer(user: { id: string; email: string; name: string }): Promise<string> {
  const existing = await db.billingCustomer.findUnique({ where: { userId: user.id } });
  if (existing) return existing.stripeCustomerId;
  const customer = await getStripe().customers.create(
    { email: user.email, name: user.name, metadata: { userId: user.id } },
    { idempotencyKey: `customer-for-user-${user.id}` },
  );
  await db.billingCustomer.createMany({
    data: [{ userId: user.id, stripeCustomerId: customer.id }],
    skipDuplicates: true,
  });
  const row = await db.billingCustomer.findUniqueOrThrow({ where: { userId: user.id } });
  return row.stripeCustomerId;
}
