import { appRouter } from "@vigil/api";
import { metricsAnswer, metricsRegistry, startMetricsListener as startSharedMetricsListener } from "@vigil/api/metrics";
import express, { type RequestHandler } from "express";
import client from "prom-client";
import { notedRoutePattern } from "./route-pattern.ts";

/**
 * Prometheus metrics of the web server (issue 19 section 4; decisions 0232, 0250): the series every
 * process reports (@vigil/api/metrics) plus the requests this one answers. Never public: served at
 * /metrics only with `Authorization: Bearer $METRICS_TOKEN`, and/or on a port of its own
 * (METRICS_PORT, on METRICS_HOST, 127.0.0.1 by default) that only the scraper's network reaches.
 * Without either setting there is no /metrics at all.
 */
const httpDuration = new client.Histogram({
  name: "vigil_http_request_duration_seconds",
  help: "Requests answered by the app, by method, matched route pattern (or unmatched) and status",
  labelNames: ["method", "route", "status"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [metricsRegistry],
});

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

/** /metrics on the app's own port: only when METRICS_TOKEN is set, and only with it. */
export const metricsRouter = express.Router();
metricsRouter.get("/metrics", (req, res, next) => {
  const token = process.env.METRICS_TOKEN;
  if (!token) return next();
  metricsAnswer(req.get("authorization"), token)
    .then((answer) => void res.status(answer.status).set(answer.headers).send(answer.body))
    .catch(next);
});

/**
 * METRICS_PORT: /metrics on a listener of its own (METRICS_HOST, 127.0.0.1 by default), for a
 * scraper on a private network; METRICS_TOKEN, when set, is required there too. Returns its closer.
 */
export function startMetricsListener(log: (message: string) => void): (() => Promise<void>) | undefined {
  const port = process.env.METRICS_PORT;
  if (!port) return undefined;
  return startSharedMetricsListener({ port: Number(port), host: process.env.METRICS_HOST ?? "127.0.0.1", log });
}
