import { useEffect, useState, type ReactNode } from "react";

export type TableColumn = { key: string; label: string; numeric?: boolean };

/**
 * The frame every list table shares: scrolls sideways on a narrow screen instead of widening the
 * page, a caption for screen readers, one header style. The rows are the caller's (`<tr>` elements).
 */
export function DataTable({ caption, columns, children }: { caption: string; columns: TableColumn[]; children: ReactNode }) {
  const [frame, setFrame] = useState<HTMLDivElement | null>(null);
  const sideways = useScrollsSideways(frame);
  return (
    // A frame that scrolls must be reachable by keyboard to be scrolled (WCAG 2.1.1); only then is it
    // a tab stop, a region named by the table's caption.
    <div
      ref={setFrame}
      className="overflow-x-auto"
      tabIndex={sideways ? 0 : undefined}
      role={sideways ? "region" : undefined}
      aria-label={sideways ? caption : undefined}
    >
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

/** Whether the element is narrower than its content (a phone, a wide table), kept current on resize. */
function useScrollsSideways(element: HTMLElement | null): boolean {
  const [sideways, setSideways] = useState(false);
  useEffect(() => {
    if (!element) return;
    const measure = () => setSideways(element.scrollWidth > element.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return sideways;
}
