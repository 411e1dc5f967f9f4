import { AdminForm } from '@/components/admin/admin-form';
import { Pager } from '@/components/admin/pager';
import { now } from '@/lib/clock';
import { listPurchases, purchaseFilterSchema } from '@/lib/admin/purchases';
import { requireAdmin } from '@/lib/admin/require-admin';

export const metadata = { title: 'Purchases' };

const stamp = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export default async function AdminPurchases({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  await requireAdmin('/admin/purchases');
  const filter = purchaseFilterSchema.parse(await searchParams);
  const { rows, total, pageCount } = await listPurchases(filter);
  const current = now();
  return (
    <>
      <h1>24-hour purchases</h1>
      <form className="admin-filter" aria-label="Filter purchases">
        <label htmlFor="p-status">Status</label>
        <select id="p-status" name="status" defaultValue={filter.status}>
          <option value="">Any</option>
          <option value="active">Active</option>
          <option value="expired">Expired</option>
          <option value="revoked">Refunded or disputed</option>
        </select>
        <button type="submit" className="button">
          Filter
        </button>
      </form>
      <p role="status">
        {total} purchase{total === 1 ? '' : 's'}
      </p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Reader</th>
            <th scope="col">Article</th>
            <th scope="col">Paid</th>
            <th scope="col">Confirmed</th>
            <th scope="col">Expires</th>
            <th scope="col">Status</th>
            <th scope="col">Refund</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id}>
              <td>{p.user.email}</td>
              <td>{p.article.title}</td>
              <td>
                {(p.amountCents / 100).toFixed(2)} {p.currency.toUpperCase()}
              </td>
              <td>{stamp(p.confirmedAt)}</td>
              <td>{stamp(p.expiresAt)}</td>
              <td>
                {p.revokedAt ? `revoked: ${p.revokedReason ?? ''}` : p.expiresAt > current ? 'active' : 'expired'}
              </td>
              <td>
                {!p.revokedAt && (
                  <AdminForm
                    endpoint="/api/admin/purchases/refund"
                    hidden={{ purchaseId: p.id }}
                    fields={[]}
                    submitLabel="Refund"
                    confirm="Refund this purchase and end its access now?"
                    compact
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager path="/admin/purchases" params={{ status: filter.status }} page={filter.page} pageCount={pageCount} />
    </>
  );
}
