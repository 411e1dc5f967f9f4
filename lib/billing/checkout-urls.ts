import 'server-only';
import { env } from '@/lib/env';

/**
 * Where a checkout returns to; the session id is filled in by Stripe (or by the local provider).
 * `returnTo` (a subscription started from an article) lets the thank-you page lead back there.
 */
export function successUrl(returnTo?: string): string {
  const back = returnTo && returnTo !== '/' ? `&returnTo=${encodeURIComponent(returnTo)}` : '';
  return `${env.SITE_URL}/checkout/success?session_id={CHECKOUT_SESSION_ID}${back}`;
}

/** Cancel goes back where the reader came from, with nothing changed. */
export function cancelUrl(returnTo: string): string {
  return `${env.SITE_URL}/checkout/cancel?returnTo=${encodeURIComponent(returnTo)}`;
}
