import { AdminFilter, FilterInput, FilterSelect } from '@/components/admin/admin-filter';
import { ActionForm } from '@/components/ui/action-form';
import {
  cancelSubscriptionAction,
  extendSubscriptionAction,
  grantSubscriptionAction,
  refundSubscriptionAction,
} from '@/lib/admin/actions';
import { AdminTable } from '@/components/admin/admin-table';
import { Pager } from '@/components/admin/pager';
import { requireAdmin } from '@/lib/admin/require-admin';
import { listSubscriptions, subscriptionFilterSchema } from '@/lib/admin/subscriptions';
import { isSubscriptionOpen } from '@/lib/access/decide-access';
import {
  SUBSCRIPTION_SOURCE_LABELS,
  subscriptionSourceLabel,
  subscriptionStatusLabel,
} from '@/lib/billing/describe-subscription';
import { listPlans, planLabel } from '@/lib/billing/plans';
import { now } from '@/lib/clock';
import { formatDate, formatIsoDate } from '@/lib/format-date';

export const metadata = { title: 'Subscriptions' };

export default async function AdminSubscriptions({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  await requireAdmin('/admin/subscriptions');
  const filter = subscriptionFilterSchema.parse(await searchParams);
  const { rows, total, pageCount } = await listSubscriptions(filter);
  const current = now();
  const planOptions = listPlans().map((p) => ({ value: p.id, label: p.label }));
  return (
    <>
      <h1>Subscriptions</h1>
      <section aria-labelledby="grant-heading" className="box">
        <h2 id="grant-heading" className="box__title">
          Grant a complimentary subscription
        </h2>
        <ActionForm
          action={grantSubscriptionAction}
          fields={[
            { type: 'email', name: 'email', label: 'Reader’s email', required: true },
            {
              type: 'select',
              name: 'plan',
              label: 'Plan',
              options: planOptions,
              defaultValue: 'annual',
            },
            { type: 'date', name: 'endsAt', label: 'Ends on', required: true },
          ]}
          submitLabel="Grant subscription"
          className="admin-form"
        />
      </section>
      <AdminFilter label="Filter subscriptions">
        <FilterInput id="f-q" label="Reader’s email" name="q" type="search" defaultValue={filter.q} />
        <FilterSelect
          id="f-status"
          label="Status"
          name="status"
          defaultValue={filter.status}
          options={['active', 'trialing', 'past_due', 'canceled', 'unpaid'].map((s) => ({
            value: s,
            label: subscriptionStatusLabel(s),
          }))}
        />
        <FilterSelect id="f-plan" label="Plan" name="plan" defaultValue={filter.plan} options={planOptions} />
        <FilterSelect
          id="f-source"
          label="Source"
          name="source"
          defaultValue={filter.source}
          options={Object.entries(SUBSCRIPTION_SOURCE_LABELS).map(([value, label]) => ({ value, label }))}
        />
      </AdminFilter>
      <AdminTable
        rows={rows}
        total={total}
        noun="subscription"
        columns={[
          { header: 'Reader', cell: (s) => s.user.email },
          { header: 'Plan', cell: (s) => planLabel(s.plan) },
          { header: 'Source', cell: (s) => subscriptionSourceLabel(s.source) },
          {
            header: 'Status',
            cell: (s) =>
              s.revokedAt
                ? `Revoked${s.revokedReason ? ` (${s.revokedReason})` : ''}`
                : `${subscriptionStatusLabel(s.status)}${s.cancelAtPeriodEnd ? ', cancels at period end' : ''}`,
          },
          { header: 'Ends', cell: (s) => formatDate(s.currentPeriodEnd) },
          { header: 'Change', cell: (s) => <SubscriptionChanges subscription={s} now={current} /> },
        ]}
      />
      <Pager
        path="/admin/subscriptions"
        params={{ q: filter.q, status: filter.status, plan: filter.plan, source: filter.source }}
        page={filter.page}
        pageCount={pageCount}
      />
    </>
  );
}

type ListedSubscription = Awaited<ReturnType<typeof listSubscriptions>>['rows'][number];

/** What an admin can change on one subscription. */
function SubscriptionChanges({ subscription: s, now }: { subscription: ListedSubscription; now: Date }) {
  // An ended or revoked subscription has nothing left to extend, refund or cancel.
  if (!isSubscriptionOpen(s, now)) return <span className="table__note">Ended</span>;
  return (
    <>
      {/* Billed subscriptions change in Stripe (or the local test provider); ours change here. */}
      {!s.provider ? (
        <ActionForm
          action={extendSubscriptionAction}
          hidden={{ subscriptionId: s.id, expectedUpdatedAt: s.updatedAt.toISOString() }}
          fields={[
            { type: 'date', name: 'endsAt', label: 'New end date', defaultValue: formatIsoDate(s.currentPeriodEnd) },
          ]}
          submitLabel="Extend"
          className="admin-form admin-form--compact"
        />
      ) : null}
      {s.provider && !s.revokedAt && (
        <ActionForm
          action={refundSubscriptionAction}
          hidden={{ subscriptionId: s.id }}
          fields={[]}
          submitLabel="Refund latest payment"
          confirm="Refund the latest payment and end this subscription's access now?"
          className="admin-form admin-form--compact"
        />
      )}
      <ActionForm
        action={cancelSubscriptionAction}
        hidden={{ subscriptionId: s.id, expectedUpdatedAt: s.updatedAt.toISOString() }}
        fields={[
          {
            type: 'select',
            name: 'when',
            label: 'Cancel',
            // Already cancelled at the period's end: what is left is ending it now.
            options: [
              ...(s.cancelAtPeriodEnd ? [] : [{ value: 'period_end', label: 'At period end' }]),
              { value: 'now', label: 'Now' },
            ],
          },
        ]}
        submitLabel="Cancel subscription"
        confirm="Cancel this subscription?"
        className="admin-form admin-form--compact"
      />
    </>
  );
}
