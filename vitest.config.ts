import { defineConfig } from "vitest/config";

// Kept apart from apps/web/vite.config.ts: tests do not need the React Router plugin.
export default defineConfig({
  test: {
    include: ["packages/*/src/**/*.test.ts", "apps/web/app/**/*.test.{ts,tsx}", "apps/web/server/**/*.test.ts"],
    globalSetup: ["./vitest.global-setup.ts"],
    setupFiles: ["./vitest.setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
