import { formatNumber } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../lib/locale";
import { Card } from "../../ui/Card";
import { ChartFrame } from "./ChartFrame";
import { FigureTable } from "./FigureTable";
import { PALETTE } from "./palette";

type Row = { year: number; placeType: string; count: number };

/** Visits per place type per year: stacked bars per year, and a year × place type table with totals. */
export function VisitsSection({ rows }: { rows: Row[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const title = t("dashboard.visitsTitle");
  const types = [...new Set(rows.map((row) => row.placeType))];
  const years = [...new Set(rows.map((row) => row.year))].sort((a, b) => a - b);
  const count = (year: number, type: string) => rows.find((row) => row.year === year && row.placeType === type)?.count ?? 0;
  const data = years.map((year) => ({ year: String(year), ...Object.fromEntries(types.map((type) => [type, count(year, type)])) }));
  return (
    <Card title={title} id="visits-by-type">
      <p className="mb-3 text-sm text-slate-600">{t("dashboard.visitsNote")}</p>
      {rows.length === 0 ? (
        <p className="text-slate-600">{t("dashboard.noData")}</p>
      ) : (
        <>
          <ChartFrame
            title={title}
            chart={{
              data, xKey: "year", integers: true, legend: true,
              bars: types.map((type, index) => ({ dataKey: type, stackId: "visits", name: t(`visitPlaceTypes.${type}`), fill: PALETTE[index % PALETTE.length]! })),
              format: (value) => formatNumber(locale, value),
            }}
          />
          <FigureTable
            caption={title}
            columns={[
              { key: "year", label: t("dashboard.columns.year") },
              ...types.map((type) => ({ key: type, label: t(`visitPlaceTypes.${type}`), numeric: true })),
              { key: "total", label: t("dashboard.columns.total"), numeric: true },
            ]}
            rows={years.map((year) => ({
              key: String(year),
              cells: {
                year: String(year),
                ...Object.fromEntries(types.map((type) => [type, formatNumber(locale, count(year, type))])),
                total: formatNumber(locale, types.reduce((sum, type) => sum + count(year, type), 0)),
              },
            }))}
          />
        </>
      )}
    </Card>
  );
}
