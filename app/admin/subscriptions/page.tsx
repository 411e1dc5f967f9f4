import { AdminForm } from '@/components/admin/admin-form';
import { AdminTable } from '@/components/admin/admin-table';
import { Pager } from '@/components/admin/pager';
import { requireAdmin } from '@/lib/admin/require-admin';
import { listSubscriptions, subscriptionFilterSchema } from '@/lib/admin/subscriptions';
import { formatDate, formatIsoDate } from '@/lib/format-date';

export const metadata = { title: 'Subscriptions' };

export default async function AdminSubscriptions({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  await requireAdmin('/admin/subscriptions');
  const filter = subscriptionFilterSchema.parse(await searchParams);
  const { rows, total, pageCount } = await listSubscriptions(filter);
  return (
    <>
      <h1>Subscriptions</h1>
      <section aria-labelledby="grant-heading" className="box">
        <h2 id="grant-heading" className="box__title">
          Grant a complimentary subscription
        </h2>
        <AdminForm
          endpoint="/api/admin/subscriptions/grant"
          fields={[
            { kind: 'email', name: 'email', label: 'Reader’s email', required: true },
            {
              kind: 'select',
              name: 'plan',
              label: 'Plan',
              options: [
                { value: 'annual', label: 'Annual' },
                { value: 'monthly', label: 'Monthly' },
              ],
            },
            { kind: 'date', name: 'endsAt', label: 'Ends on', required: true },
          ]}
          submitLabel="Grant subscription"
        />
      </section>
      <form className="admin-filter" aria-label="Filter subscriptions">
        <label htmlFor="f-status">Status</label>
        <select id="f-status" name="status" defaultValue={filter.status}>
          <option value="">Any</option>
          {['active', 'trialing', 'past_due', 'canceled', 'unpaid'].map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
        <label htmlFor="f-plan">Plan</label>
        <select id="f-plan" name="plan" defaultValue={filter.plan}>
          <option value="">Any</option>
          <option>annual</option>
          <option>monthly</option>
        </select>
        <label htmlFor="f-source">Source</label>
        <select id="f-source" name="source" defaultValue={filter.source}>
          <option value="">Any</option>
          <option>payment</option>
          <option>activation</option>
          <option>complimentary</option>
        </select>
        <button type="submit" className="button">
          Filter
        </button>
      </form>
      <AdminTable
        rows={rows}
        total={total}
        noun="subscription"
        columns={[
          { header: 'Reader', cell: (s) => s.user.email },
          { header: 'Plan', cell: (s) => s.plan },
          { header: 'Source', cell: (s) => s.source },
          {
            header: 'Status',
            cell: (s) =>
              `${s.revokedAt ? `revoked (${s.revokedReason ?? ''})` : s.status}${s.cancelAtPeriodEnd ? ', cancels at period end' : ''}`,
          },
          { header: 'Ends', cell: (s) => formatDate(s.currentPeriodEnd) },
          { header: 'Change', cell: (s) => <SubscriptionChanges subscription={s} /> },
        ]}
      />
      <Pager
        path="/admin/subscriptions"
        params={{ status: filter.status, plan: filter.plan, source: filter.source }}
        page={filter.page}
        pageCount={pageCount}
      />
    </>
  );
}

type ListedSubscription = Awaited<ReturnType<typeof listSubscriptions>>['rows'][number];

/** What an admin can change on one subscription. */
function SubscriptionChanges({ subscription: s }: { subscription: ListedSubscription }) {
  return (
    <>
      {/* Billed subscriptions change in Stripe (or the local test provider); ours change here. */}
      {!s.provider ? (
        <AdminForm
          endpoint="/api/admin/subscriptions/extend"
          hidden={{ subscriptionId: s.id, expectedUpdatedAt: s.updatedAt.toISOString() }}
          fields={[
            { kind: 'date', name: 'endsAt', label: 'New end date', defaultValue: formatIsoDate(s.currentPeriodEnd) },
          ]}
          submitLabel="Extend"
          compact
        />
      ) : null}
      {s.provider && !s.revokedAt && (
        <AdminForm
          endpoint="/api/admin/subscriptions/refund"
          hidden={{ subscriptionId: s.id }}
          fields={[]}
          submitLabel="Refund latest payment"
          confirm="Refund the latest payment and end this subscription's access now?"
          compact
        />
      )}
      <AdminForm
        endpoint="/api/admin/subscriptions/cancel"
        hidden={{ subscriptionId: s.id, expectedUpdatedAt: s.updatedAt.toISOString() }}
        fields={[
          {
            kind: 'select',
            name: 'when',
            label: 'Cancel',
            options: [
              { value: 'period_end', label: 'At period end' },
              { value: 'now', label: 'Now' },
            ],
          },
        ]}
        submitLabel="Cancel subscription"
        confirm="Cancel this subscription?"
        compact
      />
    </>
  );
}
