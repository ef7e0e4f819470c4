/**
 * How hard to fuzz. The defaults keep the procedure suite within its share of `pnpm test` on two
 * cores; `pnpm fuzz` raises FUZZ_RUNS. The seed is fixed so a failure in CI replays locally:
 * every failure message names FUZZ_SEED, and FUZZ_SHRINK=1 asks fast-check for the smallest input.
 */
export type FuzzSettings = { seed: number; runs: number; shrink: boolean };

const DEFAULT_FUZZ_SEED = 20_261_202;

export function fuzzSettings(env: NodeJS.ProcessEnv = process.env, defaultRuns = 3): FuzzSettings {
  return {
    seed: integerSetting(env.FUZZ_SEED, DEFAULT_FUZZ_SEED),
    runs: Math.max(1, integerSetting(env.FUZZ_RUNS, defaultRuns)),
    shrink: env.FUZZ_SHRINK === "1",
  };
}

function integerSetting(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new Error(`Expected an integer, got ${JSON.stringify(raw)}`);
  return value;
}

/** A seed per procedure and caller, stable across runs and independent of the order tests run in. */
export function seedFor(baseSeed: number, ...names: string[]): number {
  let hash = baseSeed | 0;
  for (const char of names.join("/")) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}

/** Keeps a failure readable when the counterexample is a 100,000-character string. */
export function abbreviate(text: string, limit = 3000): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}… (${text.length - limit} more characters)`;
}
