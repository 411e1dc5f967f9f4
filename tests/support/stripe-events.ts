// Signed Stripe webhook deliveries for tests and the benchmark: the real SDK signs them with
// generateTestHeaderString, exactly as Stripe would sign the raw body.
import Stripe from 'stripe';
import { newId } from './stripe-stand-in';

export const TEST_WEBHOOK_SECRET = 'whsec_test_stand_in_secret';
const signer = new Stripe('sk_test_signer_only');

export type TestEvent = {
  id: string;
  object: 'event';
  type: string;
  created: number;
  data: { object: Record<string, unknown> };
};

export function makeEvent(
  type: string,
  object: Record<string, unknown>,
  options: { id?: string; created?: number } = {},
): TestEvent {
  return {
    id: options.id ?? newId('evt'),
    object: 'event',
    type,
    created: options.created ?? Math.floor(Date.now() / 1000),
    data: { object },
  };
}

/** `timestamp`: when the signature says it was made (seconds; default now). */
type DeliveryOptions = { url?: string; secret?: string; signature?: string | null; timestamp?: number };

/** A delivery signed now, to be POSTed later (a Request's body can be read once: make one per POST). */
export function signedDelivery(event: TestEvent, options: DeliveryOptions = {}): { toRequest: () => Request } {
  const payload = JSON.stringify(event);
  const signature =
    options.signature === undefined
      ? signer.webhooks.generateTestHeaderString({
          payload,
          secret: options.secret ?? TEST_WEBHOOK_SECRET,
          ...(options.timestamp !== undefined && { timestamp: options.timestamp }),
        })
      : options.signature;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature !== null) headers['stripe-signature'] = signature;
  const url = options.url ?? 'http://localhost/api/stripe/webhook';
  return { toRequest: () => new Request(url, { method: 'POST', headers, body: payload }) };
}

/** A POST to the webhook as Stripe sends it; `secret` other than ours makes a bad signature. */
export function webhookRequest(event: TestEvent, options: DeliveryOptions = {}): Request {
  return signedDelivery(event, options).toRequest();
}

/** Environment that points the app's Stripe client at a stand-in at `apiBase`. */
export function stripeTestEnv(apiBase: string): Record<string, string> {
  return {
    STRIPE_SECRET_KEY: 'sk_test_stand_in',
    STRIPE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
    STRIPE_PRICE_MONTHLY: 'price_monthly_test',
    STRIPE_PRICE_ANNUAL: 'price_annual_test',
    STRIPE_API_BASE: apiBase,
  };
}
