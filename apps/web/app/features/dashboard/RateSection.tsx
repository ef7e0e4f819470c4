import { formatNumber } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../lib/locale";
import { Card } from "../../ui/Card";
import { ChartFrame } from "./ChartFrame";
import { FigureTable } from "./FigureTable";
import { formatRate } from "./format";
import { PALETTE } from "./palette";

export type RateRow = { key: string; label: string; sent: number; implemented: number; partial: number; rate: number | null };

/** An implementation rate per group (authority, place type or year): bars in percent, and the counts behind them. */
export function RateSection({ id, title, groupLabel, rows, note, color = 0 }: { id: string; title: string; groupLabel: string; rows: RateRow[]; note?: string; color?: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const none = t("dashboard.noRate");
  const data = rows.map((row) => ({ label: row.label, rate: row.rate === null ? 0 : Math.round(row.rate * 1000) / 10 }));
  return (
    <Card title={title} id={id}>
      <p className="mb-3 text-sm text-slate-600">{t("dashboard.rateExplained")}{note ? ` ${note}` : null}</p>
      {rows.length === 0 ? (
        <p className="text-slate-600">{t("dashboard.noData")}</p>
      ) : (
        <>
          <ChartFrame
            title={title}
            chart={{
              data, xKey: "label", yDomain: [0, 100], denseLabels: true,
              bars: [{ dataKey: "rate", name: t("dashboard.columns.rate"), fill: PALETTE[color % PALETTE.length]! }],
              format: (value) => formatRate(locale, value / 100, none),
            }}
          />
          <FigureTable
            caption={title}
            columns={[
              { key: "group", label: groupLabel },
              { key: "sent", label: t("dashboard.columns.sent"), numeric: true },
              { key: "implemented", label: t("dashboard.columns.implemented"), numeric: true },
              { key: "partial", label: t("dashboard.columns.partial"), numeric: true },
              { key: "rate", label: t("dashboard.columns.rate"), numeric: true },
            ]}
            rows={rows.map((row) => ({
              key: row.key,
              cells: {
                group: row.label, sent: formatNumber(locale, row.sent), implemented: formatNumber(locale, row.implemented),
                partial: formatNumber(locale, row.partial), rate: formatRate(locale, row.rate, none),
              },
            }))}
          />
        </>
      )}
    </Card>
  );
}
