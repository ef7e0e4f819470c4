import { performance } from "node:perf_hooks";

export type Timing = { p50: number; p95: number; mean: number; runs: number };

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

function timing(times: number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), mean: sorted.reduce((a, b) => a + b, 0) / sorted.length, runs: sorted.length };
}

/**
 * Runs each of `works` `warmup` times unmeasured, then `runs` rounds in which every work runs once,
 * in turn: on a shared machine the variants meet the same load, so their ratio means something.
 */
export async function measureInterleaved(works: (() => Promise<unknown>)[], { warmup, runs }: { warmup: number; runs: number }): Promise<Timing[]> {
  for (let i = 0; i < warmup; i++) for (const work of works) await work();
  const times = works.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    for (const [index, work] of works.entries()) {
      const start = performance.now();
      await work();
      times[index]!.push(performance.now() - start);
    }
  }
  return times.map(timing);
}
