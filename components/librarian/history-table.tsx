import { DataTable } from '@/components/ui/data-table';
import { formatDateTime } from '@/lib/format-date';
import type { HistoryEntry } from '@/lib/librarian/list-portal-history';
import { getReaderTimeZone } from '@/lib/time-zone/get-reader-time-zone';

/** Audited changes of the institution, newest first, at the librarian's own time. */
export async function HistoryTable({ entries, caption }: { entries: HistoryEntry[]; caption: string }) {
  if (!entries.length) return <p>No changes yet.</p>;
  const timeZone = await getReaderTimeZone();
  return (
    <DataTable
      caption={caption}
      captionHidden
      rows={entries}
      rowKey={(e) => e.id}
      columns={[
        { header: 'When', cell: (e) => formatDateTime(e.at, timeZone) },
        { header: 'By', cell: (e) => e.by },
        { header: 'Change', cell: (e) => e.summary },
      ]}
    />
  );
}
