/** What the route fuzzer in apps/web/e2e shares with the procedure fuzzer. */
export { leakedInternals } from "./answer-checks.ts";
export { abbreviate, fuzzSettings, seedFor } from "./fuzz-settings.ts";
export { HOSTILE_STRINGS } from "./hostile-values.ts";
