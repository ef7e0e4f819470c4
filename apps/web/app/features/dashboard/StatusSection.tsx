import { formatNumber } from "@vigil/i18n";
import { useTranslation } from "react-i18next";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
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
      <ChartFrame title={title}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ left: 8, right: 8 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" interval={0} tick={{ fontSize: 11 }} />
            <YAxis allowDecimals={false} tickFormatter={(value: number) => formatNumber(locale, value)} />
            <Tooltip formatter={(value) => formatNumber(locale, Number(value))} />
            <Bar dataKey="count" name={t("dashboard.columns.recommendations")} fill={PALETTE[0]} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFrame>
      <FigureTable
        caption={title}
        columns={[{ key: "status", label: t("dashboard.columns.status") }, { key: "count", label: t("dashboard.columns.recommendations"), numeric: true }]}
        rows={data.map((row, index) => ({ key: byStatus[index]!.status, cells: { status: row.label, count: formatNumber(locale, row.count) } }))}
      />
    </Card>
  );
}
