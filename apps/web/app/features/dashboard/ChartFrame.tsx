import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { AfterMount } from "./AfterMount";
import type { BarFigureProps } from "./BarFigure";

// Recharts is most of the dashboard's weight and draws nothing on the server: it is fetched after
// hydration, only on a page that has a chart to draw.
const BarFigure = lazy(() => import("./BarFigure"));

/**
 * A chart with a fixed height (ResponsiveContainer needs a sized parent), labelled as an image that
 * points to the table beside it: screen readers and keyboards get the figures from the table, not
 * from SVG (so the charts are built without Recharts' keyboard layer: nothing focusable inside an image).
 */
export function ChartFrame({ title, chart }: { title: string; chart: BarFigureProps }) {
  const { t } = useTranslation();
  return (
    <AfterMount>
      <div role="img" aria-label={t("dashboard.chartLabel", { title })} className="mb-4 h-64 w-full">
        <Suspense fallback={null}>
          <BarFigure {...chart} />
        </Suspense>
      </div>
    </AfterMount>
  );
}
