// What the Stripe webhook tests share: deliveries through the real route, and paid checkouts and
// subscriptions made through our own checkout code against the Stripe stand-in. Import it after
// the test file's vi.hoisted block has started the stand-in and pointed the env at it.
import { POST } from '@/app/api/stripe/webhook/route';
import { createPurchaseCheckout, createSubscriptionCheckout } from '@/lib/billing/create-checkout';
import { createPaidArticle, createReader } from './billing-fixtures';
import { webhookRequest, type TestEvent } from './stripe-events';
import { newId, type StripeStandIn } from './stripe-stand-in';

export function webhookTestKit(standIn: StripeStandIn) {
  const deliver = async (event: TestEvent) => {
    const res = await POST(webhookRequest(event));
    return { status: res.status, body: (await res.json()) as { outcome?: string; error?: string } };
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
