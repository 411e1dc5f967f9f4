// What the Stripe webhook tests share: deliveries through the real route and the job worker that
// applies them, and paid checkouts and subscriptions made through our own checkout code against
// the Stripe stand-in. Import it after the test file's vi.hoisted block has started the stand-in
// and pointed the env at it.
import { POST } from '@/app/api/stripe/webhook/route';
import { createPurchaseCheckout, createSubscriptionCheckout } from '@/lib/billing/create-checkout';
import { stripeEventJobKey } from '@/lib/billing/providers/stripe/handle-stripe-event';
import { db } from '@/lib/db';
import { createPaidArticle, createReader } from './billing-fixtures';
import { runQueuedJobs } from './run-queued-jobs';
import { webhookRequest, type TestEvent } from './stripe-events';
import { newId, type StripeStandIn } from './stripe-stand-in';

type Delivery = { status: number; body: { received?: boolean; outcome?: string; error?: string } };

/**
 * Runs the due jobs until the event has been applied (its applied record says how) or its own
 * retry job failed this attempt (then a 500 with its error, what Stripe would have seen had the
 * route applied it inline). Another delivery's worker may hold its customer's job meanwhile: then
 * it waits.
 */
async function applyQueued(eventId: string, ack: Delivery['body']): Promise<Delivery> {
  for (;;) {
    await runQueuedJobs();
    const [job] = await db.$queryRaw<{ attempts: number; locked: boolean; lastError: string | null }[]>`
      SELECT attempts, locked_at IS NOT NULL AS locked, last_error AS "lastError"
      FROM graphile_worker.jobs WHERE key = ${stripeEventJobKey(eventId)}`;
    const applied = job ? null : await db.stripeEvent.findUnique({ where: { id: eventId } });
    if (applied) return { status: 200, body: { ...ack, outcome: applied.problem ? 'unmatched' : 'processed' } };
    if (job && job.attempts > 0 && !job.locked) return { status: 500, body: { error: job.lastError ?? '' } };
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function webhookTestKit(standIn: StripeStandIn) {
  /** One delivery as Stripe makes it, and, when the route queued the event, its job's run. */
  const deliver = async (event: TestEvent): Promise<Delivery> => {
    const res = await POST(webhookRequest(event));
    const body = (await res.json()) as Delivery['body'];
    if (res.status !== 200 || body.outcome !== 'queued') return { status: res.status, body };
    return applyQueued(event.id, body);
  };
  const lastSession = () => [...standIn.state.sessions.values()].at(-1)!;

  async function paidPurchaseSession() {
    const user = await createReader();
    const article = await createPaidArticle();
    await createPurchaseCheckout(user, article);
    const session = standIn.completeCheckout(String(lastSession().id));
    return { user, article, session };
  }

  async function paidSubscription() {
    const user = await createReader();
    await createSubscriptionCheckout(user, 'monthly', '/');
    const session = standIn.completeCheckout(String(lastSession().id));
    const subscription = standIn.state.subscriptions.get(String(session.subscription))!;
    return { user, session, subscription };
  }

  function invoiceFor(subscription: Record<string, unknown>, status: 'paid' | 'open', paymentIntent = newId('pi')) {
    const invoice = {
      id: newId('in'),
      object: 'invoice',
      customer: subscription.customer,
      status,
      amount_paid: status === 'paid' ? 2900 : 0,
      amount_due: 2900,
      currency: 'usd',
      created: Math.floor(Date.now() / 1000),
      hosted_invoice_url: 'https://invoice.stripe.test/i/1',
      parent: { type: 'subscription_details', subscription_details: { subscription: subscription.id } },
      payments: { object: 'list', data: [{ payment: { type: 'payment_intent', payment_intent: paymentIntent } }] },
    };
    standIn.state.invoices.set(invoice.id, invoice);
    return invoice;
  }

  return { deliver, lastSession, paidPurchaseSession, paidSubscription, invoiceFor };
}
