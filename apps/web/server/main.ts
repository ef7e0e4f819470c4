// Starts Vigil: a database (embedded PostgreSQL unless DATABASE_URL is set), migrations, demo data
// on the embedded database's first start, then the web server. `--dev` serves through Vite.
import path from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import { prepareDatabase } from "@vigil/db/server";
import express from "express";
import type { ViteDevServer } from "vite";
import type * as AppModule from "./app.ts";
import { startupSettingProblems } from "./settings.ts";
import { closeGracefully, withTimeout } from "./shutdown.ts";

/** The app module (server/app.ts): Vite's development module in dev, the server build in production. */
type ServerModule = typeof AppModule;

// Both this file (server/main.ts, under tsx in dev) and its build (build/main.js) sit one folder
// below apps/web.
const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = path.resolve(appDir, "../..");
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const log = (message: string) => process.stdout.write(`${message}\n`);

// Malformed settings stop the start here, before a database starts, not at their first use (decision 0230).
const settingProblems = startupSettingProblems(process.env);
if (settingProblems.length > 0) {
  for (const problem of settingProblems) process.stderr.write(`Setting refused: ${problem}\n`);
  process.exit(1);
}

process.env.VIGIL_DATA_DIR ??= path.join(repoRoot, ".vigil");
process.env.APP_URL ??= `http://localhost:${port}`;
// Neither bundle (build/main.js, the server build) can find the migration files relative to itself.
process.env.VIGIL_MIGRATIONS_DIR ??= path.join(repoRoot, "packages/db/migrations");

// Under page load V8 let the old generation grow to four times the live heap (100 MB live, 400 MB of
// heap, 700 MB RSS after 20 s); the next full collection now comes at 1.5 times the live heap. Soft,
// unlike --max-old-space-size: a large export still gets what it needs (docs/decisions/0180).
if (!process.execArgv.some((flag) => flag.startsWith("--heap-growing-percent"))) v8.setFlagsFromString("--heap-growing-percent=50");

const startedAt = performance.now();
// The database first: it refuses a used data folder that lost its cluster, before a key is created there.
const database = await prepareDatabase({
  dataDir: process.env.VIGIL_DATA_DIR,
  port: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329),
  log,
});

// One copy of the app's modules serves the pages and runs the start-up steps and the jobs below
// (docs/decisions/0180): in production the server build, in dev Vite's module of server/app.ts.
const buildDir = path.join(appDir, "build");
let viteDevServer: ViteDevServer | undefined;
let source: ServerModule;
if (dev) {
  const vite = await import("vite");
  viteDevServer = await vite.createServer({ root: appDir, server: { middlewareMode: true } });
  source = (await viteDevServer.ssrLoadModule("./server/app.ts")) as ServerModule;
} else {
  // Where the client build is, for the pages' preload of their language's strings (decision 0182).
  process.env.VIGIL_CLIENT_DIR ??= path.join(buildDir, "client");
  source = (await import(path.join(buildDir, "server/index.js"))) as ServerModule;
}

if (!process.env.INTERVIEW_NOTES_KEYS) {
  // Without configuration (the demo), the interview notes key lives in the data folder (docs/decisions/0070).
  const key = await source.loadDataFolderNotesKey(process.env.VIGIL_DATA_DIR);
  if (key.created) log(`Created the interview notes key in ${key.file}: back it up with the database.`);
}
if (database.embedded) log(`Embedded PostgreSQL is running (data in ${process.env.VIGIL_DATA_DIR}).`);
if (database.firstStart) {
  const { seedDemoData } = await source.loadSeed();
  await seedDemoData({ log });
}

// TOTP secrets stored before they were encrypted are encrypted now, before any sign-in reads them
// (decision 0161): the key is the application's, so no SQL migration can do it.
const encryptedSecrets = await source.encryptRawTotpSecrets();
if (encryptedSecrets > 0) log(`Encrypted ${encryptedSecrets} two-factor secret(s) stored before encryption.`);

// Background jobs on pg-boss (decisions 0087, 0166): the owner prepares pg-boss's schema and every
// job's queue, the app role runs the workers and schedules (reminders daily, the purge of deleted
// workspaces and expired exports hourly, workspace exports when requested).
await source.prepareJobSchema();
// While stopping, the queue's connections are cut on purpose: nothing to report then.
let jobsStopping = false;
// With JOB_RUNNER=worker, `pnpm worker` runs them and this instance only queues (decision 0222).
const jobs = source.jobsRunInWeb() ? await source.startJobs({ log: (message) => (jobsStopping ? undefined : log(message)), appUrl: process.env.APP_URL }) : null;
// The purge also runs once at start, as it always has: a server down at the hour still purges.
await jobs?.runNow("purge-expired").catch((error: unknown) => log(`Purge failed to queue: ${String(error)}`));

const server = express();
// The app's own Express instance drops it too; this one answers static files and Vite's middleware.
server.disable("x-powered-by");
let stopping = false;
// While stopping, every answer closes its connection, so keep-alive clients move to another instance.
server.use((_req, res, next) => {
  if (stopping) res.setHeader("Connection", "close");
  next();
});
let markStopping: () => void;
if (viteDevServer) {
  const devServer = viteDevServer;
  server.use(devServer.middlewares);
  const load = () => devServer.ssrLoadModule("./server/app.ts") as Promise<ServerModule>;
  markStopping = () => void load().then((module) => module.markStopping());
  server.use(async (req, res, next) => {
    try {
      const module = await load();
      module.app(req, res, next);
    } catch (error) {
      if (error instanceof Error) devServer.ssrFixStacktrace(error);
      next(error);
    }
  });
} else {
  markStopping = source.markStopping;
  server.use(source.securityHeadersMiddleware);
  server.use("/assets", express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
  server.use(express.static(path.join(buildDir, "client"), { maxAge: "1h" }));
  server.use(source.app);
}

// Prometheus metrics on a port of their own when METRICS_PORT is set (decision 0232).
const stopMetrics = source.startMetricsListener(log);

const listener = server.listen(port, host, () => {
  log(`Vigil is ready at ${process.env.APP_URL} (started in ${Math.round(performance.now() - startedAt)} ms)`);
});

/** In-flight requests get this long to finish after SIGTERM before their connections are cut. */
const DRAIN_TIMEOUT_MS = Number(process.env.SHUTDOWN_DRAIN_MS ?? 10_000);

/**
 * SIGTERM/SIGINT (docs/decisions/0133): /readyz says 503, no new connection is accepted, requests
 * in flight finish (up to DRAIN_TIMEOUT_MS), then the job queue and the embedded database stop,
 * each within a bound, since a database restarted by someone else can make either hang.
 */
async function stop(reason: string, exitCode = 0) {
  if (stopping) return;
  stopping = true;
  log(`${reason}: stopping.`);
  markStopping();
  const cut = await closeGracefully(listener, DRAIN_TIMEOUT_MS);
  if (cut > 0) log(`${cut} connection(s) still busy after ${DRAIN_TIMEOUT_MS} ms: closed.`);
  await stopMetrics?.();
  jobsStopping = true;
  if (jobs) await withTimeout(jobs.stop({ graceful: true, timeout: 5000 }), 6000, "job queue stop").catch((error: unknown) => log(`Job queue stop failed: ${String(error)}`));
  await withTimeout(database.stop(), 10_000, "database stop").catch((error: unknown) => log(`Database stop failed: ${String(error)}`));
  process.exit(exitCode);
}
// Importing embedded-postgres installs async-exit-hook, whose SIGINT/SIGTERM handler stops PostgreSQL
// and exits at once (code 130/143), cutting every request in flight. `stop` stops the database itself.
process.removeAllListeners("SIGINT");
process.removeAllListeners("SIGTERM");
process.on("SIGINT", () => void stop("SIGINT received"));
process.on("SIGTERM", () => void stop("SIGTERM received"));
source.guardProcess((reason, exitCode) => void stop(reason, exitCode));
