import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import { requireUser } from '@/lib/auth/current-user';
import { listLocalSubscriptions } from '@/lib/billing/local/get-local-checkout';
import { cancelLocalSubscriptionAction } from '../../billing-actions';

export const metadata: Metadata = { title: 'Manage subscription (test)', robots: { index: false } };

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** Stands in for Stripe's Customer Portal when no Stripe keys are configured. */
export default async function TestPortalPage() {
  const user = await requireUser('/checkout/test-portal');
  const subscriptions = await listLocalSubscriptions(user.id);
  return (
    <div className="page page--narrow">
      <p className="notice" role="note">
        <strong>TEST PAYMENT — no money is taken.</strong> This page stands in for the payment provider&apos;s customer
        portal.
      </p>
      <h1>Manage subscription</h1>
      {subscriptions.length === 0 && <p>There is no subscription on this account.</p>}
      {subscriptions.map((s) => (
        <section key={s.id} className="box" aria-label={`${s.plan} subscription`}>
          <p>
            <strong>{s.plan}</strong> subscription, {s.cancelAtPeriodEnd ? 'ends' : 'renews'}{' '}
            {dateTime.format(s.currentPeriodEnd)} UTC
          </p>
          {!s.cancelAtPeriodEnd && (
            <ActionForm
              action={cancelLocalSubscriptionAction}
              fields={[]}
              hidden={{ subscriptionId: s.id }}
              submitLabel="Cancel subscription"
            />
          )}
        </section>
      ))}
      <p>
        <Link href="/account">Back to My Account</Link>
      </p>
    </div>
  );
}
