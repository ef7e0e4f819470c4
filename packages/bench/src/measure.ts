import { performance } from "node:perf_hooks";

export type Timing = { p50: number; p95: number; mean: number; runs: number };

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

/** Runs `work` `warmup` times unmeasured, then `runs` times, and returns milliseconds. */
export async function measure(work: () => Promise<unknown>, { warmup, runs }: { warmup: number; runs: number }): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), mean: times.reduce((a, b) => a + b, 0) / times.length, runs };
}
