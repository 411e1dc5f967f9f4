// POST /api/stripe/webhook – verifies Stripe's signature on the raw body and applies the event once.
import { NextResponse } from 'next/server';
import { handleStripeEvent } from '@/lib/billing/providers/stripe/handle-stripe-event';
import { verifyWebhook } from '@/lib/billing/providers/stripe/verify-webhook';
import { errorResponse } from '@/lib/errors';

export async function POST(request: Request) {
  try {
    // The signature covers the exact bytes: read the body as text, never parse it first.
    // Without Stripe configured there is no endpoint: a 404.
    const event = verifyWebhook(await request.text(), request.headers.get('stripe-signature'));
    const outcome = await handleStripeEvent(event);
    // Ignored and duplicate events get a 2xx too: anything else makes Stripe retry for days.
    return NextResponse.json({ received: true, outcome });
  } catch (error) {
    // AppError → its 4xx; anything unexpected → 500, and Stripe retries later.
    return errorResponse(error);
  }
}
