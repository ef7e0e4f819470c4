import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AfterMount } from "./AfterMount";

/**
 * A chart with a fixed height (ResponsiveContainer needs a sized parent), labelled as an image that
 * points to the table beside it: screen readers and keyboards get the figures from the table, not
 * from SVG (so the charts are built without Recharts' keyboard layer: nothing focusable inside an image).
 */
export function ChartFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <AfterMount>
      <div role="img" aria-label={t("dashboard.chartLabel", { title })} className="mb-4 h-64 w-full">
        {children}
      </div>
    </AfterMount>
  );
}
