import type { ReactNode } from "react";
import { DataTable, type TableColumn } from "../../ui/DataTable";

/** The figures of a chart as a plain table: the accessible (and server-rendered) form of every chart. */
export function FigureTable({ caption, columns, rows }: { caption: string; columns: TableColumn[]; rows: { key: string; cells: Record<string, ReactNode> }[] }) {
  return (
    <DataTable caption={caption} columns={columns}>
      {rows.map((row) => (
        <tr key={row.key}>
          {columns.map((column, index) =>
            index === 0 ? (
              <th key={column.key} scope="row" className="py-2 pr-4 font-normal">
                {row.cells[column.key]}
              </th>
            ) : (
              <td key={column.key} className={`py-2 pr-4 ${column.numeric ? "text-right tabular-nums" : ""}`}>
                {row.cells[column.key]}
              </td>
            ),
          )}
        </tr>
      ))}
    </DataTable>
  );
}
