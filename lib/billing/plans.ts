import 'server-only';
import { z } from 'zod';
import { env } from '@/lib/env';

export const planIdSchema = z.enum(['monthly', 'annual']);
export type PlanId = z.infer<typeof planIdSchema>;

export type Plan = {
  id: PlanId;
  label: string;
  interval: 'month' | 'year';
  amountCents: number;
  currency: string;
  stripePriceId: string | null;
};

export function listPlans(): Plan[] {
  return [
    {
      id: 'monthly',
      label: 'Monthly',
      interval: 'month',
      amountCents: env.SUBSCRIPTION_MONTHLY_CENTS,
      currency: env.SUBSCRIPTION_CURRENCY,
      stripePriceId: env.STRIPE_PRICE_MONTHLY ?? null,
    },
    {
      id: 'annual',
      label: 'Annual',
      interval: 'year',
      amountCents: env.SUBSCRIPTION_ANNUAL_CENTS,
      currency: env.SUBSCRIPTION_CURRENCY,
      stripePriceId: env.STRIPE_PRICE_ANNUAL ?? null,
    },
  ];
}

export function findPlan(id: PlanId): Plan {
  const plan = listPlans().find((p) => p.id === id);
  if (!plan) throw new Error(`Unknown plan ${id}`);
  return plan;
}

/** "Annual" for 'annual'; a plan we no longer sell (an old Stripe price's id) keeps its own name. */
export function planLabel(plan: string): string {
  return listPlans().find((p) => p.id === plan)?.label ?? plan;
}

/** Our plan name for a Stripe Price; a price we do not know keeps its id so nothing is lost. */
export function planOfPrice(priceId: string | undefined): string {
  return listPlans().find((p) => p.stripePriceId && p.stripePriceId === priceId)?.id ?? priceId ?? 'unknown';
}
