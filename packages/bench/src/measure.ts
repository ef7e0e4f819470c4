import { performance } from "node:perf_hooks";
import { timing, type Timing } from "./stats.ts";

/**
 * Runs each of `works` `warmup` times unmeasured, then `runs` rounds in which every work runs once,
 * in turn: on a shared machine the variants meet the same load, so their ratio means something.
 * Each round starts with the next work (round 0: a b c, round 1: b c a, ...), so that none of them
 * always runs right after the same neighbour (whose cache state or garbage it would inherit).
 */
export async function measureInterleaved(works: (() => Promise<unknown>)[], options: { warmup: number; runs: number; minMs?: number }): Promise<Timing[]> {
  return (await interleavedTimes(works, options)).map(timing);
}

/** measureInterleaved's samples, one array of milliseconds per work (to pool several rounds). */
export async function interleavedTimes(
  works: (() => Promise<unknown>)[],
  { warmup, runs, minMs = 0 }: { warmup: number; runs: number; minMs?: number },
): Promise<number[][]> {
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
  return times;
}
