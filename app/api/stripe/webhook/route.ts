// POST /api/stripe/webhook – verifies Stripe's signature on the raw body, records the event and
// queues its customer's job; a worker applies it (lib/jobs/job-tasks.ts, apply-stripe-events).
import { NextResponse } from 'next/server';
import { receiveStripeEvent } from '@/lib/billing/providers/stripe/handle-stripe-event';
import { verifyWebhook } from '@/lib/billing/providers/stripe/verify-webhook';
import { errorResponse } from '@/lib/http/error-response';

export async function POST(request: Request) {
  try {
    // The signature covers the exact bytes: read the body as text, never parse it first.
    // Without Stripe configured there is no endpoint: a 404.
    const rawBody = await request.text();
    const event = verifyWebhook(rawBody, request.headers.get('stripe-signature'));
    const outcome = await receiveStripeEvent(event, rawBody);
    // Queued, ignored and duplicate events all get a 2xx: anything else makes Stripe retry for days.
    return NextResponse.json({ received: true, outcome });
  } catch (error) {
    // AppError → its 4xx; the database away → 500, and Stripe retries later.
    return errorResponse(error);
  }
}
