import type { ReactNode } from 'react';

export type AdminColumn<T> = { header: string; cell: (row: T) => ReactNode };

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
      <table className="table">
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              {columns.map((column) => (
                <td key={column.header}>{column.cell(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
