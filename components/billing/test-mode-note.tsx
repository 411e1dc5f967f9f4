import { checkoutProvider } from '@/lib/billing/providers/payment-provider';
import { areTestPaymentsOn, PAYMENTS_UNAVAILABLE } from '@/lib/billing/providers/local/test-payments';

/** Says so when payments go to the local test provider (no Stripe keys), or nowhere at all. */
export function TestModeNote() {
  if (checkoutProvider().name === 'stripe') return null;
  if (!areTestPaymentsOn())
    return (
      <p className="notice" role="note">
        {PAYMENTS_UNAVAILABLE}
      </p>
    );
  return (
    <p className="notice">
      This site has no payment provider configured: checkout uses a <strong>test payment</strong> and no money is taken.
    </p>
  );
}
