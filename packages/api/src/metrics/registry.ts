import { timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { onPoolWait, poolStatistics } from "@vigil/db";
import { onMailOutcome } from "@vigil/email";
import client from "prom-client";
import { jobQueueCounts } from "../jobs/metrics.ts";

/**
 * The Prometheus series every Vigil process reports (decisions 0232, 0250): the web server adds its
 * request histogram to this registry; the worker (`pnpm worker`) serves it as it is. Database pools,
 * pg-boss queues (depth and failures), e-mails, and prom-client's process series (memory, CPU,
 * event-loop lag). Never public: a bearer token and/or a listener on a private address.
 */
export const metricsRegistry = new client.Registry();
client.collectDefaultMetrics({ register: metricsRegistry });

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

function bearerMatches(authorization: string | undefined, token: string): boolean {
  const given = Buffer.from(authorization ?? "");
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export type MetricsAnswer = { status: number; headers: Record<string, string>; body: string };

/** The answer to a scrape: the series, or 401 when a token is set and not given (constant-time comparison). */
export async function metricsAnswer(authorization: string | undefined, token: string | undefined): Promise<MetricsAnswer> {
  if (token !== undefined && !bearerMatches(authorization, token)) {
    return { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="metrics"', "Content-Type": "text/plain" }, body: "A bearer token is required.\n" };
  }
  return { status: 200, headers: { "Content-Type": metricsRegistry.contentType, "Cache-Control": "no-store" }, body: await metricsRegistry.metrics() };
}

/**
 * /metrics on a listener of its own, on `host` (a private network), with METRICS_TOKEN required
 * when set. Announces its address through `log`; returns its closer.
 */
export function startMetricsListener(options: { port: number; host: string; log: (message: string) => void }): () => Promise<void> {
  const server = http.createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://metrics").pathname;
    if (request.method !== "GET" || path !== "/metrics") {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("Not found.\n");
      return;
    }
    metricsAnswer(request.headers.authorization, process.env.METRICS_TOKEN).then(
      (answer) => response.writeHead(answer.status, answer.headers).end(answer.body),
      () => response.writeHead(500, { "Content-Type": "text/plain" }).end("Metrics failed.\n"),
    );
  });
  server.listen(options.port, options.host, () => options.log(`Metrics at http://${options.host}:${(server.address() as AddressInfo).port}/metrics`));
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
