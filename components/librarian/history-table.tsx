import { DataTable } from '@/components/ui/data-table';
import type { HistoryEntry } from '@/lib/librarian/list-portal-history';

const when = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** Audited changes of the institution, newest first. */
export function HistoryTable({ entries, caption }: { entries: HistoryEntry[]; caption: string }) {
  if (!entries.length) return <p>No changes yet.</p>;
  return (
    <DataTable
      caption={caption}
      captionHidden
      rows={entries}
      rowKey={(e) => e.id}
      columns={[
        { header: 'When', cell: (e) => when(e.at) },
        { header: 'By', cell: (e) => e.by },
        { header: 'Change', cell: (e) => e.summary },
      ]}
    />
  );
}
