import 'server-only';
import { AppError, NotFoundError } from '@/lib/errors/app-error';
import { getStripe, getWebhookSecret, isStripeConfigured, type Stripe } from './stripe-client';

/** How far a signature's time may be from ours, either way (Stripe's own default, 5 minutes). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * The event, when `signature` signs exactly `rawBody` with our endpoint secret, at a time within
 * 5 minutes of now; otherwise a 400. The SDK refuses old signatures only: one dated in the
 * future would stay replayable for as long as its date is ahead. A 404 when Stripe is not
 * configured: there is no webhook endpoint then.
 */
export function verifyWebhook(rawBody: string, signature: string | null): Stripe.Event {
  if (!isStripeConfigured()) throw new NotFoundError('Stripe is not configured.');
  if (!signature) throw new AppError('Missing Stripe-Signature header.', 'bad_request', 'bad_signature');
  let event: Stripe.Event;
  try {
    event = getStripe().webhooks.constructEvent(rawBody, signature, getWebhookSecret(), SIGNATURE_TOLERANCE_SECONDS);
  } catch {
    throw new AppError('Invalid Stripe signature.', 'bad_request', 'bad_signature');
  }
  // Every t= the header carries (the SDK checks the signature against one of them).
  const times = [...signature.matchAll(/(?:^|,)\s*t=([^,]*)/g)].map((m) => Number(m[1]));
  if (!times.length || times.some((t) => !(Math.abs(Date.now() / 1000 - t) <= SIGNATURE_TOLERANCE_SECONDS)))
    throw new AppError('Invalid Stripe signature: its time is too far from ours.', 'bad_request', 'bad_signature');
  return event;
}
