// Prints one closing line for the whole suite, "tests: N passed, N failed", from the JSON reports
// that Vitest and Playwright wrote during `pnpm test`.
import { readFile } from "node:fs/promises";

async function read(file) {
  try {
    return JSON.parse(await readFile(new URL(`../../test-results/${file}`, import.meta.url), "utf8"));
  } catch {
    return null;
  }
}

const vitest = await read("vitest.json");
const playwright = await read("playwright.json");
const passed = (vitest?.numPassedTests ?? 0) + (playwright?.stats?.expected ?? 0);
const failed = (vitest?.numFailedTests ?? 0) + (playwright?.stats?.unexpected ?? 0) + (playwright?.stats?.flaky ?? 0);
console.log(`unit and integration: ${vitest?.numPassedTests ?? 0} passed; end-to-end: ${playwright?.stats?.expected ?? 0} passed`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
