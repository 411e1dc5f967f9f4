import type { ReactNode } from 'react';

export type DataColumn<T> = { header: string; cell: (row: T) => ReactNode };

/**
 * The one table of lists (account, admin). On a phone each row becomes a card whose cells carry
 * their column's name (globals.css `.table--stack`), so no list scrolls sideways.
 */
export function DataTable<T>({
  caption,
  captionHidden = false,
  columns,
  rows,
  rowKey,
  labelledBy,
}: {
  caption?: ReactNode;
  captionHidden?: boolean;
  columns: DataColumn<T>[];
  rows: T[];
  rowKey: (row: T, index: number) => string;
  labelledBy?: string;
}) {
  return (
    <table className="table table--stack" aria-labelledby={labelledBy}>
      {caption && <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>}
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
        {rows.map((row, index) => (
          <tr key={rowKey(row, index)}>
            {columns.map((column) => (
              <td key={column.header} data-label={column.header}>
                {column.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
