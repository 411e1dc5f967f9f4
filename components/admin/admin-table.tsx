import { DataTable, type DataColumn } from '@/components/ui/data-table';

export type AdminColumn<T> = DataColumn<T>;

/** An admin list: how many match the filter, then one page of them as a table. */
export function AdminTable<T extends { id: string }>({
  rows,
  total,
  noun,
  columns,
}: {
  rows: T[];
  total: number;
  /** Singular; the count says "1 account", "2 accounts". */
  noun: string;
  columns: AdminColumn<T>[];
}) {
  return (
    <>
      <p role="status">
        {total} {noun}
        {total === 1 ? '' : 's'}
      </p>
      <DataTable columns={columns} rows={rows} rowKey={(row) => row.id} />
    </>
  );
}
