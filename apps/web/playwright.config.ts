import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { embeddedClusterDir } from "@vigil/db/embedded-location";

// Overridable so that several checkouts can run their end-to-end tests on one machine at once.
const port = Number(process.env.E2E_PORT ?? 3123);
const postgresPort = Number(process.env.E2E_POSTGRES_PORT ?? 54423);
export const baseURL = `http://127.0.0.1:${port}`;
/** The local fake of Stripe's API (packages/billing/src/testing), so the run exercises billing with no Stripe account. */
const fakeStripePort = Number(process.env.E2E_STRIPE_PORT ?? port + 9000);
export const fakeStripeURL = `http://127.0.0.1:${fakeStripePort}`;
const webhookSecret = "whsec_vigil_e2e";
/** A fresh data folder per run: the server wipes it, then initialises PostgreSQL and the outbox in it. */
export const e2eDataDir = path.join(os.tmpdir(), `vigil-e2e-${port}`);
// The embedded cluster lives inside the data folder (embeddedClusterDir); wiping both stays harmless.
const freshFolders = `${e2eDataDir} ${embeddedClusterDir(e2eDataDir)}`;

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: "../../test-results/playwright.json" }]],
  use: {
    baseURL,
    locale: "en-GB",
    trace: "retain-on-failure",
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  webServer: [
    {
      // Stripe's stand-in: Checkout's "Pay" button delivers signed webhooks to the app, as Stripe would.
      command: `FAKE_STRIPE_PORT=${fakeStripePort} FAKE_STRIPE_WEBHOOK_URL=${baseURL}/api/stripe/webhook STRIPE_WEBHOOK_SECRET=${webhookSecret} node --import tsx ../../packages/billing/src/testing/run-fake-stripe.ts`,
      url: `${fakeStripeURL}/healthz`,
      reuseExistingServer: false,
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
      timeout: 30_000,
    },
    {
      // Runs the built app (`pnpm test:e2e` at the root builds first) on the embedded PostgreSQL and the
      // local outbox: DATABASE_URL, DATABASE_OWNER_URL and SMTP_URL are removed from its environment.
      command: [
        `rm -rf ${freshFolders} &&`,
        "env -u DATABASE_URL -u DATABASE_OWNER_URL -u SMTP_URL -u MAIL_OUTBOX_DIR",
        `NODE_ENV=production LOG_LEVEL=warn PORT=${port} HOST=127.0.0.1 APP_URL=${baseURL} EMBEDDED_POSTGRES_PORT=${postgresPort} VIGIL_DATA_DIR=${e2eDataDir}`,
        // Billing on, against the fake (new workspaces start on the free plan, whose limits the other specs stay within).
        `STRIPE_SECRET_KEY=sk_test_vigil_e2e STRIPE_API_BASE=${fakeStripeURL} STRIPE_WEBHOOK_SECRET=${webhookSecret} STRIPE_PRICE_STANDARD=price_e2e_standard STRIPE_PRICE_NETWORK=price_e2e_network`,
        "node build/main.js",
      ].join(" "),
      url: `${baseURL}/healthz`,
      reuseExistingServer: false,
      // SIGTERM lets the server stop its PostgreSQL; the default SIGKILL would leave it holding the port.
      gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
      timeout: 120_000,
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
