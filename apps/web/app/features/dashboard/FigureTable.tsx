import type { ReactNode } from "react";

export type Column = { key: string; label: string; numeric?: boolean };

/** The figures of a chart as a plain table: the accessible (and server-rendered) form of every chart. */
export function FigureTable({ caption, columns, rows }: { caption: string; columns: Column[]; rows: { key: string; cells: Record<string, ReactNode> }[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={`py-2 pr-4 font-medium ${column.numeric ? "text-right" : ""}`}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
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
        </tbody>
      </table>
    </div>
  );
}
