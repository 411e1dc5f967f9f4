import { AdminFilter, FilterSelect } from '@/components/admin/admin-filter';
import { ActionForm } from '@/components/ui/action-form';
import { refundPurchaseAction } from '@/lib/admin/actions';
import { AdminTable } from '@/components/admin/admin-table';
import { Pager } from '@/components/admin/pager';
import { now } from '@/lib/clock';
import { listPurchases, purchaseFilterSchema } from '@/lib/admin/purchases';
import { requireAdmin } from '@/lib/admin/require-admin';
import { formatDateTime } from '@/lib/format-date';
import { getReaderTimeZone } from '@/lib/time-zone/get-reader-time-zone';

export const metadata = { title: 'Purchases' };

export default async function AdminPurchases({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  await requireAdmin('/admin/purchases');
  const timeZone = await getReaderTimeZone();
  const filter = purchaseFilterSchema.parse(await searchParams);
  const { rows, total, pageCount } = await listPurchases(filter);
  const current = now();
  return (
    <>
      <h1>24-hour purchases</h1>
      <AdminFilter label="Filter purchases">
        <FilterSelect
          id="p-status"
          label="Status"
          name="status"
          defaultValue={filter.status}
          options={[
            { value: 'active', label: 'Active' },
            { value: 'expired', label: 'Expired' },
            { value: 'revoked', label: 'Refunded or disputed' },
          ]}
        />
      </AdminFilter>
      <AdminTable
        rows={rows}
        total={total}
        noun="purchase"
        columns={[
          { header: 'Reader', cell: (p) => p.user.email },
          { header: 'Article', cell: (p) => p.article.title },
          { header: 'Paid', cell: (p) => `${(p.amountCents / 100).toFixed(2)} ${p.currency.toUpperCase()}` },
          { header: 'Confirmed', cell: (p) => formatDateTime(p.confirmedAt, timeZone) },
          { header: 'Expires', cell: (p) => formatDateTime(p.expiresAt, timeZone) },
          {
            header: 'Status',
            cell: (p) =>
              p.revokedAt ? `revoked: ${p.revokedReason ?? ''}` : p.expiresAt > current ? 'active' : 'expired',
          },
          {
            header: 'Refund',
            cell: (p) =>
              !p.revokedAt && (
                <ActionForm
                  action={refundPurchaseAction}
                  hidden={{ purchaseId: p.id }}
                  fields={[]}
                  submitLabel="Refund"
                  confirm="Refund this purchase and end its access now?"
                  className="admin-form admin-form--compact"
                />
              ),
          },
        ]}
      />
      <Pager path="/admin/purchases" params={{ status: filter.status }} page={filter.page} pageCount={pageCount} />
    </>
  );
}
