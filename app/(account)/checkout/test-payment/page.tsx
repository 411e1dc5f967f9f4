import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionForm } from '@/components/ui/action-form';
import { articlePath } from '@/lib/articles/article-path';
import { safeReturnTo } from '@/lib/auth/safe-return-to';
import { requireUser } from '@/lib/auth/current-user';
import { formatMoney } from '@/lib/billing/format-money';
import { planLabel } from '@/lib/billing/plans';
import { getLocalCheckout } from '@/lib/billing/providers/local/get-local-checkout';
import { areTestPaymentsOn } from '@/lib/billing/providers/local/test-payments';
import { payLocalCheckoutAction } from '@/lib/billing/actions';

export const metadata: Metadata = { title: 'Test payment', robots: { index: false } };

type Props = { searchParams: Promise<{ session?: string; returnTo?: string }> };

/** The local test-payment provider's checkout page (no Stripe keys): clearly not a real payment. */
export default async function TestPaymentPage({ searchParams }: Props) {
  const params = await searchParams;
  const sessionId = params.session ?? '';
  const back = safeReturnTo(params.returnTo, '/');
  const user = await requireUser(
    `/checkout/test-payment?session=${encodeURIComponent(sessionId)}${back === '/' ? '' : `&returnTo=${encodeURIComponent(back)}`}`,
  );
  // After the request is read: asked before, the build would prerender this page as a 404.
  if (!areTestPaymentsOn()) notFound();
  const session = /^lcs_[a-f0-9]{24}$/.test(sessionId) ? await getLocalCheckout(sessionId, user.id) : null;
  if (!session) notFound();
  const what = session.article
    ? `24-hour online access: ${session.article.title}`
    : `${session.plan ? planLabel(session.plan) : ''} subscription`.trim();
  const returnTo = session.article ? articlePath(session.article.doi) : back === '/' ? '/subscribe' : back;
  const amount = formatMoney(session.amountCents, session.currency);
  return (
    <div className="page page--narrow">
      <p className="notice" role="note">
        <strong>TEST PAYMENT — no money is taken.</strong> No payment provider is configured on this site, so this page
        stands in for one. Paying here grants access exactly as a real payment would.
      </p>
      <h1>Checkout</h1>
      <dl>
        <dt>Item</dt>
        <dd>{what}</dd>
        <dt>Amount</dt>
        <dd>{amount}</dd>
        <dt>Account</dt>
        <dd>{user.email}</dd>
      </dl>
      {session.completedAt ? (
        <p>
          This checkout is already paid.{' '}
          <Link href={`/checkout/success?session_id=${session.id}`}>See what it bought</Link>.
        </p>
      ) : (
        <ActionForm
          action={payLocalCheckoutAction}
          fields={[]}
          hidden={back === '/' ? { session: session.id } : { session: session.id, returnTo: back }}
          submitLabel={`Pay ${amount} (test)`}
        />
      )}
      <p>
        <Link href={`/checkout/cancel?returnTo=${encodeURIComponent(returnTo)}`}>Cancel and go back</Link>
      </p>
    </div>
  );
}
