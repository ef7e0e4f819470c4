import { timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { appRouter } from "@vigil/api";
import { jobQueueCounts } from "@vigil/api/jobs";
import { onPoolWait, poolStatistics } from "@vigil/db";
import { onMailOutcome } from "@vigil/email";
import express, { type Request, type RequestHandler, type Response } from "express";
import client from "prom-client";
import { notedRoutePattern } from "./route-pattern.ts";

/**
 * Prometheus metrics (issue 19 section 4; docs/decisions/0232-metrics.md). Never public: served at
 * /metrics only with `Authorization: Bearer $METRICS_TOKEN`, and/or on a port of its own
 * (METRICS_PORT, on METRICS_HOST, 127.0.0.1 by default) that only the scraper's network reaches.
 * Without either setting there is no /metrics at all.
 */
const metricsRegistry = new client.Registry();
// Process memory (resident, heap), CPU, event-loop lag, handles: prom-client's standard series.
client.collectDefaultMetrics({ register: metricsRegistry });

const httpDuration = new client.Histogram({
  name: "vigil_http_request_duration_seconds",
  help: "Requests answered by the app, by method, matched route pattern (or unmatched) and status",
  labelNames: ["method", "route", "status"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [metricsRegistry],
});

const poolGauge = (name: string, help: string, read: (pool: ReturnType<typeof poolStatistics>[number]) => number) =>
  new client.Gauge({
    name, help, labelNames: ["pool"] as const, registers: [metricsRegistry],
    collect() {
      this.reset();
      for (const pool of poolStatistics()) this.set({ pool: pool.pool }, read(pool));
    },
  });
poolGauge("vigil_db_pool_max_connections", "The most connections the pool opens (per database role)", (pool) => pool.max);
poolGauge("vigil_db_pool_connections", "Connections the pool holds now, busy or idle", (pool) => pool.total);
poolGauge("vigil_db_pool_idle_connections", "Connections the pool holds and nobody uses", (pool) => pool.idle);
poolGauge("vigil_db_pool_waiting_clients", "Queries waiting for a free connection", (pool) => pool.waiting);

const poolWait = new client.Histogram({
  name: "vigil_db_pool_wait_seconds",
  help: "How long each checkout waited for a connection",
  labelNames: ["pool"] as const,
  buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
  registers: [metricsRegistry],
});
onPoolWait((pool, seconds) => poolWait.observe({ pool }, seconds));

new client.Gauge({
  name: "vigil_job_queue_jobs",
  help: "pg-boss jobs per queue and state: created and retry are the depth, failed the dead letters",
  labelNames: ["queue", "state"] as const,
  registers: [metricsRegistry],
  async collect() {
    this.reset();
    try {
      for (const row of await jobQueueCounts()) this.set({ queue: row.queue, state: row.state }, row.jobs);
    } catch {
      // A database that does not answer shows in the pool and readiness series; the scrape goes on.
    }
  },
});

const mailsSent = new client.Counter({ name: "vigil_emails_sent_total", help: "E-mails handed to the mail server (or the outbox)", registers: [metricsRegistry] });
const mailsFailed = new client.Counter({ name: "vigil_emails_failed_total", help: "E-mails the mail server refused or could not take", registers: [metricsRegistry] });
onMailOutcome((outcome) => (outcome === "sent" ? mailsSent : mailsFailed).inc());

/** Procedures this build serves: only these name a tRPC series, so invented names cannot add one. */
const knownProcedures = new Set(Object.keys(appRouter._def.procedures));
const TRPC_ROUTE = "/api/trpc/*";

/**
 * A bounded label for a request (decision 0250): the pattern of the route that answered it
 * (`/t/:slug/visits/:visitId`), a known tRPC procedure, or `unmatched` for everything no route
 * took: unknown paths (404) and requests refused before routing (cross-origin 403, 413, 415, 429).
 * The path itself never becomes a label, so a stranger's URLs cannot add series.
 */
export function routeLabel(pattern: string | undefined, path: string, status: number): string {
  if (pattern === undefined || status === 404) return "unmatched";
  if (pattern === TRPC_ROUTE) {
    const procedures = path.slice("/api/trpc/".length).split(",");
    if (procedures.length > 1) return "/api/trpc/(batch)";
    return knownProcedures.has(procedures[0]!) ? `/api/trpc/${procedures[0]}` : TRPC_ROUTE;
  }
  return pattern;
}

/**
 * Times every request the app answers. It runs first, so refusals are counted too; the route is
 * read when the response ends: React Router's handler notes its match, Express routes carry theirs.
 */
export const httpMetrics: RequestHandler = (req, res, next) => {
  const stop = httpDuration.startTimer();
  res.once("finish", () => {
    const expressRoute: unknown = req.route?.path;
    const pattern = notedRoutePattern(res) ?? (typeof expressRoute === "string" ? `${req.baseUrl}${expressRoute}` : undefined);
    stop({ method: req.method, route: routeLabel(pattern, req.path, res.statusCode), status: String(res.statusCode) });
  });
  next();
};

function bearerMatches(req: Request, token: string): boolean {
  const given = Buffer.from(req.get("authorization") ?? "");
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function answerMetrics(req: Request, res: Response, token: string | undefined) {
  if (token !== undefined && !bearerMatches(req, token)) {
    res.status(401).set("WWW-Authenticate", 'Bearer realm="metrics"').type("text/plain").send("A bearer token is required.\n");
    return;
  }
  res.set("Content-Type", metricsRegistry.contentType).set("Cache-Control", "no-store").send(await metricsRegistry.metrics());
}

/** /metrics on the app's own port: only when METRICS_TOKEN is set, and only with it. */
export const metricsRouter = express.Router();
metricsRouter.get("/metrics", (req, res, next) => {
  const token = process.env.METRICS_TOKEN;
  if (!token) return next();
  answerMetrics(req, res, token).catch(next);
});

/**
 * METRICS_PORT: /metrics on a listener of its own (METRICS_HOST, 127.0.0.1 by default), for a
 * scraper on a private network; METRICS_TOKEN, when set, is required there too. Returns its closer.
 */
export function startMetricsListener(log: (message: string) => void): (() => Promise<void>) | undefined {
  const port = process.env.METRICS_PORT;
  if (!port) return undefined;
  const host = process.env.METRICS_HOST ?? "127.0.0.1";
  const metricsApp = express();
  metricsApp.disable("x-powered-by");
  metricsApp.get("/metrics", (req, res, next) => void answerMetrics(req, res, process.env.METRICS_TOKEN).catch(next));
  const server = http.createServer(metricsApp);
  server.listen(Number(port), host, () => log(`Metrics at http://${host}:${(server.address() as AddressInfo).port}/metrics`));
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
