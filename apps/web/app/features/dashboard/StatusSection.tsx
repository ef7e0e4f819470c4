import { formatNumber } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../lib/locale";
import { Card } from "../../ui/Card";
import { ChartFrame } from "./ChartFrame";
import { FigureTable } from "./FigureTable";
import { PALETTE } from "./palette";

type StatusCount = { status: string; count: number };

/** Recommendations by status: a bar per status, and the same counts as a table. */
export function StatusSection({ byStatus }: { byStatus: StatusCount[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const title = t("dashboard.byStatusTitle");
  const data = byStatus.map((row) => ({ label: t(`dashboard.statuses.${row.status}`), count: row.count }));
  return (
    <Card title={title} id="by-status">
      <ChartFrame
        title={title}
        chart={{
          data, xKey: "label", integers: true, denseLabels: true, everyLabel: true,
          bars: [{ dataKey: "count", name: t("dashboard.columns.recommendations"), fill: PALETTE[0]! }],
          format: (value) => formatNumber(locale, value),
        }}
      />
      <FigureTable
        caption={title}
        columns={[{ key: "status", label: t("dashboard.columns.status") }, { key: "count", label: t("dashboard.columns.recommendations"), numeric: true }]}
        rows={data.map((row, index) => ({ key: byStatus[index]!.status, cells: { status: row.label, count: formatNumber(locale, row.count) } }))}
      />
    </Card>
  );
}
