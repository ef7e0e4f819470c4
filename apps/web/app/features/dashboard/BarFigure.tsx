import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type BarFigureProps = {
  data: Record<string, string | number>[];
  xKey: string;
  bars: { dataKey: string; name: string; fill: string; stackId?: string }[];
  /** Formats the y axis' ticks and the tooltip's values. */
  format: (value: number) => string;
  /** Counts: whole numbers on the y axis. */
  integers?: boolean;
  yDomain?: [number, number];
  /** A tick per category, in a smaller font (long labels such as statuses or authorities). */
  denseLabels?: boolean;
  everyLabel?: boolean;
  legend?: boolean;
};

/**
 * The dashboard's bar charts, the only module that imports Recharts: ChartFrame loads it lazily,
 * after hydration, so Recharts is no part of the page's first load.
 */
export default function BarFigure({ data, xKey, bars, format, integers = false, yDomain, denseLabels = false, everyLabel = false, legend = false }: BarFigureProps) {
  // Options left unset rather than set to undefined, so that Recharts' defaults apply as before.
  const xAxis = { ...(everyLabel ? { interval: 0 } : {}), ...(denseLabels ? { tick: { fontSize: 11 } } : {}) };
  const yAxis = { ...(integers ? { allowDecimals: false } : {}), ...(yDomain ? { domain: yDomain } : {}) };
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} margin={{ left: 8, right: 8 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey={xKey} {...xAxis} />
        <YAxis {...yAxis} tickFormatter={format} />
        <Tooltip formatter={(value) => format(Number(value))} />
        {legend ? <Legend /> : null}
        {bars.map((bar) => (
          <Bar key={bar.dataKey} dataKey={bar.dataKey} stackId={bar.stackId} name={bar.name} fill={bar.fill} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
