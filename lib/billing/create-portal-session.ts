import 'server-only';
import { checkoutProvider } from './providers/payment-provider';

/**
 * Where "Manage subscription" goes: Stripe's Customer Portal for the user's customer, or the local
 * test portal when Stripe is not configured. Null when the user has never paid through Stripe, or
 * when no provider takes payments.
 */
export function createPortalSession(userId: string): Promise<string | null> {
  return checkoutProvider().openPortal(userId);
}
