import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import { TestModeNote } from '@/components/billing/test-mode-note';
import { safeReturnTo } from '@/lib/auth/safe-return-to';
import { requireUser } from '@/lib/auth/current-user';
import { formatMoney } from '@/lib/billing/format-money';
import { listPlans } from '@/lib/billing/plans';
import { openSubscriptionOf } from '@/lib/billing/already-entitled';
import { startSubscriptionAction } from '@/lib/billing/actions';
import { formatDate } from '@/lib/format-date';

export const metadata: Metadata = { title: 'Subscribe' };

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function SubscribePage({ searchParams }: Props) {
  const returnTo = safeReturnTo((await searchParams).callbackUrl, '/');
  const user = await requireUser(`/subscribe?callbackUrl=${encodeURIComponent(returnTo)}`);
  const current = await openSubscriptionOf(user.id);
  if (current) {
    return (
      <div className="page page--narrow">
        <h1>Subscribe for full-text access</h1>
        <p role="status">
          You already have a subscription until {formatDate(current.currentPeriodEnd)}: every article is open to you.
          Change or cancel it on <Link href="/account">My Account</Link>.
        </p>
      </div>
    );
  }
  return (
    <div className="page page--narrow">
      <h1>Subscribe for full-text access</h1>
      <p>
        Every article from 1998 forward: full text, figures, references and PDFs. Cancel at any time; access runs to the
        end of the period you paid for.
      </p>
      <TestModeNote />
      {listPlans().map((plan) => (
        <section key={plan.id} className="box" aria-labelledby={`plan-${plan.id}`}>
          <h2 id={`plan-${plan.id}`} className="box__title">
            {plan.label}
          </h2>
          <p>
            <strong>{formatMoney(plan.amountCents, plan.currency)}</strong> per {plan.interval}
          </p>
          <ActionForm
            action={startSubscriptionAction}
            fields={[]}
            hidden={{ plan: plan.id, returnTo }}
            submitLabel={`Subscribe ${plan.label.toLowerCase()}`}
          />
        </section>
      ))}
    </div>
  );
}
