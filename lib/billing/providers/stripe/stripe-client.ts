import 'server-only';
import Stripe from 'stripe';
import { env } from '@/lib/env';

export type { Stripe };

function createStripe(secretKey: string): Stripe {
  // Tests point the real SDK at our local stand-in (STRIPE_API_BASE); production talks to api.stripe.com.
  const base = env.STRIPE_API_BASE ? new URL(env.STRIPE_API_BASE) : null;
  return new Stripe(secretKey, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: 'journal-platform' },
    ...(base && { host: base.hostname, port: base.port, protocol: base.protocol === 'https:' ? 'https' : 'http' }),
  });
}

const stripe = env.STRIPE_SECRET_KEY ? createStripe(env.STRIPE_SECRET_KEY) : null;

/** True when real Stripe is configured; otherwise the local test-payment provider stands in. */
export function isStripeConfigured(): boolean {
  return stripe !== null;
}

/** The Stripe client; only call where isStripeConfigured() was checked. */
export function getStripe(): Stripe {
  if (!stripe) throw new Error('Stripe is not configured (STRIPE_SECRET_KEY is empty).');
  return stripe;
}

/** The webhook signing secret; env validation makes it present whenever the key is. */
export function getWebhookSecret(): string {
  if (!env.STRIPE_WEBHOOK_SECRET) throw new Error('STRIPE_WEBHOOK_SECRET is not set.');
  return env.STRIPE_WEBHOOK_SECRET;
}
