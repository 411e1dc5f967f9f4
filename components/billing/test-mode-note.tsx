import { isStripeConfigured } from '@/lib/billing/stripe-client';

/** Says so when payments go to the local test provider (no Stripe keys): nobody should think they paid. */
export function TestModeNote() {
  if (isStripeConfigured()) return null;
  return (
    <p className="notice">
      This site has no payment provider configured: checkout uses a <strong>test payment</strong> and no money is taken.
    </p>
  );
}
