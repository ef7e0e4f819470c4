import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const here = path.dirname(fileURLToPath(import.meta.url));

// One Vitest run for the whole repository (`pnpm test:unit`). Kept apart from apps/web/vite.config.ts:
// tests do not need the React Router plugin.
export default defineConfig({
  root: path.resolve(here, "../.."),
  test: {
    include: ["packages/*/src/**/*.test.ts", "apps/web/app/**/*.test.{ts,tsx}", "apps/web/server/**/*.test.ts"],
    globalSetup: [path.join(here, "vitest.global-setup.ts")],
    setupFiles: [path.join(here, "vitest.setup.ts")],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: "forks",
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
  },
});
