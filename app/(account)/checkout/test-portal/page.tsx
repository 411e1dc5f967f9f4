import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionForm } from '@/components/ui/action-form';
import { FormMessage } from '@/components/ui/form-field';
import { isSubscriptionOpen } from '@/lib/access/decide-access';
import { requireUser } from '@/lib/auth/current-user';
import { now } from '@/lib/clock';
import { planLabel } from '@/lib/billing/plans';
import { listLocalSubscriptions } from '@/lib/billing/providers/local/get-local-checkout';
import { areTestPaymentsOn } from '@/lib/billing/providers/local/test-payments';
import { cancelLocalSubscriptionAction, resumeLocalSubscriptionAction } from '@/lib/billing/actions';
import { formatDateTime } from '@/lib/format-date';
import { getReaderTimeZone } from '@/lib/time-zone/get-reader-time-zone';
import { TimeZoneFallbackMarker } from '@/components/ui/time-zone-fallback-marker';

export const metadata: Metadata = { title: 'Manage subscription (test)', robots: { index: false } };

type Listed = Awaited<ReturnType<typeof listLocalSubscriptions>>[number];

/** Whether the subscription renews, ends at its period's end (cancelled), or has ended already. */
function stateOf(s: Listed, now: Date): 'renews' | 'ends' | 'ended' {
  if (!isSubscriptionOpen(s, now)) return 'ended';
  return s.cancelAtPeriodEnd ? 'ends' : 'renews';
}

/** Stands in for Stripe's Customer Portal when no Stripe keys are configured. */
export default async function TestPortalPage({
  searchParams,
}: {
  searchParams: Promise<{ cancelled?: string; resumed?: string }>;
}) {
  const user = await requireUser('/checkout/test-portal');
  // After the request is read: asked before, the build would prerender this page as a 404.
  if (!areTestPaymentsOn()) notFound();
  const [subscriptions, timeZone] = await Promise.all([listLocalSubscriptions(user.id), getReaderTimeZone()]);
  const current = now();
  const outcome = await searchParams;
  return (
    <div className="page page--narrow">
      <TimeZoneFallbackMarker />
      <p className="notice" role="note">
        <strong>TEST PAYMENT — no money is taken.</strong> This page stands in for the payment provider&apos;s customer
        portal.
      </p>
      <h1>Manage subscription</h1>
      {outcome.cancelled === '1' && (
        <FormMessage
          ok
          message="Your subscription is cancelled. You keep access until the end of the period you paid for."
        />
      )}
      {outcome.resumed === '1' && <FormMessage ok message="Your subscription is resumed: it renews as before." />}
      {subscriptions.length === 0 && <p>There is no subscription on this account.</p>}
      {subscriptions.map((s) => {
        const state = stateOf(s, current);
        return (
          <section key={s.id} className="box" aria-label={`${planLabel(s.plan)} subscription`}>
            <p>
              <strong>{planLabel(s.plan)}</strong> subscription,{' '}
              {state === 'ended' ? 'has ended' : `${state} ${formatDateTime(s.currentPeriodEnd, timeZone)}`}
            </p>
            {state === 'renews' && (
              <ActionForm
                action={cancelLocalSubscriptionAction}
                fields={[]}
                hidden={{ subscriptionId: s.id }}
                submitLabel="Cancel subscription"
              />
            )}
            {state === 'ends' && (
              <ActionForm
                action={resumeLocalSubscriptionAction}
                fields={[]}
                hidden={{ subscriptionId: s.id }}
                submitLabel="Resume subscription"
              />
            )}
          </section>
        );
      })}
      <p>
        <Link href="/account">Back to My Account</Link>
      </p>
    </div>
  );
}
