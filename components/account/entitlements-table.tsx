import type { Entitlement } from '@/lib/access/list-entitlements';
import { DataTable } from '@/components/ui/data-table';
import { formatDateTime } from '@/lib/format-date';

/** "My access": each entitlement with its source and end (a time in `timeZone`, the reader's). */
export function EntitlementsTable({ entitlements, timeZone }: { entitlements: Entitlement[]; timeZone: string }) {
  if (entitlements.length === 0) {
    return (
      <p>
        You have no subscriptions or purchases yet. Free articles and the abstracts of all articles are open to you.
      </p>
    );
  }
  return (
    <DataTable
      caption="Your subscriptions, purchases and institutional access"
      captionHidden
      rows={entitlements}
      rowKey={(_, i) => String(i)}
      columns={[
        { header: 'Access', cell: (e) => e.kind },
        { header: 'What', cell: (e) => e.description },
        { header: 'Source', cell: (e) => e.source },
        { header: 'Ends', cell: (e) => (e.endsAt ? formatDateTime(e.endsAt, timeZone) : 'No end date') },
        {
          header: 'Status',
          cell: (e) => (
            <>
              {e.status}
              {e.note && <span className="table__note"> ({e.note})</span>}
            </>
          ),
        },
      ]}
    />
  );
}
