import 'server-only';
import { AppError } from '@/lib/errors';
import { getStripe, getWebhookSecret, type Stripe } from './stripe-client';

/** The event, when `signature` signs exactly `rawBody` with our endpoint secret; otherwise a 400. */
export function verifyWebhook(rawBody: string, signature: string | null): Stripe.Event {
  if (!signature) throw new AppError('Missing Stripe-Signature header.', 400, 'bad_signature');
  try {
    return getStripe().webhooks.constructEvent(rawBody, signature, getWebhookSecret());
  } catch {
    throw new AppError('Invalid Stripe signature.', 400, 'bad_signature');
  }
}
