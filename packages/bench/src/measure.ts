import { performance } from "node:perf_hooks";

export type Timing = { p50: number; p95: number; mean: number; runs: number };

function percentile(sorted: number[], p: number): number {
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
 * Each round starts with the next work (round 0: a b c, round 1: b c a, ...), so that none of them
 * always runs right after the same neighbour (whose cache state or garbage it would inherit).
 */
export async function measureInterleaved(
  works: (() => Promise<unknown>)[],
  { warmup, runs, minMs = 0 }: { warmup: number; runs: number; minMs?: number },
): Promise<Timing[]> {
  for (let i = 0; i < warmup; i++) for (const work of works) await work();
  const times = works.map(() => [] as number[]);
  const started = performance.now();
  // At least `runs` rounds, and more until `minMs` have passed: a 2 ms query gets a few hundred
  // rounds, so one unlucky scheduling slice cannot move its median by a fifth.
  for (let round = 0; round < runs || performance.now() - started < minMs; round++) {
    for (let k = 0; k < works.length; k++) {
      const index = (round + k) % works.length;
      const start = performance.now();
      await works[index]!();
      times[index]!.push(performance.now() - start);
    }
  }
  return times.map(timing);
}
