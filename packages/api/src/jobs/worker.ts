// `pnpm worker`: runs Vigil's background jobs (reminders, exports, purges) and nothing else, next to
// web instances started with JOB_RUNNER=worker (docs/decisions/0222). Uses the web server's
// settings: DATABASE_URL, DATABASE_OWNER_URL, APP_URL, SMTP_URL, the storage settings, and
// INTERVIEW_NOTES_KEYS (exports read no notes in clear, but the key file's place is shared).
// Several workers may run: each job is taken by one of them, and every job is idempotent.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { disconnectAppDb } from "@vigil/db";
import { disconnectPrivilegedDb } from "@vigil/db/privileged";
import { startMetricsListener } from "../metrics/registry.ts";
import { objectStorage } from "../storage/settings.ts";
import { listDeadLetters } from "./dead-letters.ts";
import { prepareJobSchema, PURGE_QUEUE, startJobs } from "./index.ts";

const log = (message: string) => process.stdout.write(`${message}\n`);

for (const name of ["DATABASE_URL", "DATABASE_OWNER_URL"] as const) {
  if (!process.env[name]) {
    process.stderr.write(`${name} is not set: the worker uses the web server's database (see README, "Worker").\n`);
    process.exit(2);
  }
}
// With the local storage driver the worker must share the web server's data folder (one machine);
// with S3 it can run anywhere. Mail without SMTP_URL goes to the data folder's outbox, as the server's does.
process.env.VIGIL_DATA_DIR ??= path.join(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../.."), ".vigil");
const storage = objectStorage();

// WORKER_METRICS_PORT: the worker's own /metrics (queue depth and failures, e-mails, pools, memory),
// on METRICS_HOST (127.0.0.1 by default), with METRICS_TOKEN when set (decision 0250).
const workerMetricsPort = process.env.WORKER_METRICS_PORT;
const stopMetrics = workerMetricsPort ? startMetricsListener({ port: Number(workerMetricsPort), host: process.env.METRICS_HOST ?? "127.0.0.1", log }) : undefined;

await prepareJobSchema();
let stopping = false;
const jobs = await startJobs({ log: (message) => (stopping ? undefined : log(message)), appUrl: process.env.APP_URL });
await jobs.runNow(PURGE_QUEUE).catch((error: unknown) => log(`Purge failed to queue: ${String(error)}`));
const failed = await listDeadLetters({ limit: 1000 }).catch(() => []);
log(`Vigil worker is running the background jobs (storage: ${storage.driver}).${failed.length > 0 ? ` ${failed.length} job(s) failed for good: see pnpm jobs:failed.` : ""}`);

async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  log(`${signal} received: finishing the jobs in hand, then stopping.`);
  // A job still running after 30 s is left to pg-boss: it expires and is retried elsewhere (idempotent).
  await jobs.stop({ graceful: true, timeout: 30_000, wait: true }).catch((error: unknown) => log(`Job queue stop failed: ${String(error)}`));
  await Promise.allSettled([disconnectAppDb(), disconnectPrivilegedDb(), stopMetrics?.()]);
  process.exit(0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
