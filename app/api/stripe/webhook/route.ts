// POST /api/stripe/webhook – verifies Stripe's signature on the raw body and applies the event once.
import { NextResponse } from 'next/server';
import { handleStripeEvent } from '@/lib/billing/handle-stripe-event';
import { isStripeConfigured } from '@/lib/billing/stripe-client';
import { verifyWebhook } from '@/lib/billing/verify-webhook';
import { errorResponse } from '@/lib/errors';

export async function POST(request: Request) {
  if (!isStripeConfigured()) return NextResponse.json({ error: 'Stripe is not configured.' }, { status: 404 });
  try {
    // The signature covers the exact bytes: read the body as text, never parse it first.
    const event = verifyWebhook(await request.text(), request.headers.get('stripe-signature'));
    const outcome = await handleStripeEvent(event);
    // Ignored and duplicate events get a 2xx too: anything else makes Stripe retry for days.
    return NextResponse.json({ received: true, outcome });
  } catch (error) {
    // AppError → its 4xx; anything unexpected → 500, and Stripe retries later.
    return errorResponse(error);
  }
}
