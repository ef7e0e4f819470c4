/** Pure figures the bench prints: percentiles, ratios with their spread, sizes. No I/O here (unit-tested). */

export type Timing = { p50: number; p95: number; mean: number; runs: number };

/** The nearest-rank percentile of sorted values (p in 0..100); NaN for none. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

export function timing(times: number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), mean: sorted.reduce((a, b) => a + b, 0) / sorted.length, runs: sorted.length };
}

/** A quantile with linear interpolation between ranks (q in 0..1), as for an IQR of a handful of rounds. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

/**
 * One figure from several rounds (decision 0176): the median of the per-round values, with the
 * interquartile range and the extremes. `unsteady` says the IQR is wider than `tolerance`: such a
 * figure cannot tell a goal of that size met from missed, so the bench flags it rather than report
 * a number that the next run would contradict.
 */
export type Spread = { median: number; q1: number; q3: number; min: number; max: number; rounds: number; unsteady: boolean };

export function spreadOf(values: number[], tolerance: number): Spread {
  const finite = values.filter((v) => Number.isFinite(v));
  const q1 = quantile(finite, 0.25);
  const q3 = quantile(finite, 0.75);
  return {
    median: quantile(finite, 0.5), q1, q3,
    min: finite.length ? Math.min(...finite) : Number.NaN,
    max: finite.length ? Math.max(...finite) : Number.NaN,
    rounds: finite.length,
    unsteady: !(q3 - q1 <= tolerance),
  };
}

/** Extra cost of a over b as a fraction (0.1 = 10 % slower); NaN when b is not a positive time. */
export const extra = (a: number, b: number): number => (b > 0 ? a / b - 1 : Number.NaN);

/**
 * The extra cost of a over b from paired samples (a[i] and b[i] ran one after the other): the median
 * of a[i] ÷ b[i], minus one. A pair meets the same moment's load, so a burst from elsewhere on the
 * machine moves both sides of a ratio rather than one side of a difference of medians.
 */
export function pairedExtra(a: number[], b: number[]): number {
  const ratios: number[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (b[i]! > 0) ratios.push(a[i]! / b[i]!);
  return quantile(ratios, 0.5) - 1;
}

/** Growth from one figure to the next as a fraction. */
export const growth = (before: number, after: number): number => extra(after, before);
