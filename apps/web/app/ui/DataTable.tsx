import type { ReactNode } from "react";

export type TableColumn = { key: string; label: string; numeric?: boolean };

/**
 * The frame every list table shares: scrolls sideways on a narrow screen instead of widening the
 * page, a caption for screen readers, one header style. The rows are the caller's (`<tr>` elements).
 */
export function DataTable({ caption, columns, children }: { caption: string; columns: TableColumn[]; children: ReactNode }) {
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
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}
