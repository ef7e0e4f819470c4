import type { AddressInfo } from "node:net";
import { jobQueueCounts } from "@vigil/api/jobs";
import { appDb } from "@vigil/db";
import { mailer, resetMailer } from "@vigil/email";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { healthRouter } from "./health.ts";
import { httpMetrics, metricsRouter, routeLabel, startMetricsListener } from "./metrics.ts";
import { matchedRoutePattern, noteRoutePattern, routeTree } from "./route-pattern.ts";
import { sameOriginOnly } from "./same-origin.ts";

// Issue 19 section 4 (decision 0232): /metrics is never public, and it exposes the named series.
const TOKEN = "metrics-test-token-0123456789";
let base: string;
let close: () => void;

beforeAll(async () => {
  const app = express().use(httpMetrics).use(healthRouter).use(metricsRouter).use((_req, res) => void res.status(404).send("not found"));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => {
  delete process.env.METRICS_TOKEN;
  close();
});

describe("/metrics on the app's port", () => {
  it("does not exist without METRICS_TOKEN", async () => {
    delete process.env.METRICS_TOKEN;
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
  });

  it("refuses a missing or wrong bearer token", async () => {
    process.env.METRICS_TOKEN = TOKEN;
    const missing = await fetch(`${base}/metrics`);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toContain("Bearer");
    expect(await missing.text()).not.toContain("vigil_");
    expect((await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(401);
    expect((await fetch(`${base}/metrics`, { headers: { authorization: TOKEN } })).status).toBe(401);
  });

  it("exposes requests by route and status, the database pool, the job queues, e-mails and memory", async () => {
    process.env.METRICS_TOKEN = TOKEN;
    // Some traffic and a pool checkout, a sent and a failed e-mail, so the series carry values.
    await fetch(`${base}/healthz`);
    await fetch(`${base}/t/npm-serbia/visits/0b6f2a70-1a53-4d7e-9c61-3f0c2c7c1d11`);
    await appDb().$queryRaw`SELECT 1`;
    process.env.MAIL_OUTBOX_DIR = (await import("node:os")).tmpdir();
    resetMailer();
    await mailer().send({ to: "someone@example.org", subject: "s", text: "t" });
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    resetMailer();
    await expect(mailer().send({ to: "someone@example.org", subject: "s", text: "t" })).rejects.toThrow();
    delete process.env.SMTP_URL;
    resetMailer();

    const response = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const body = await response.text();
    expect(body).toMatch(/vigil_http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} \d+/);
    expect(body).toMatch(/vigil_http_request_duration_seconds_bucket\{le="[^"]+",method="GET",route="unmatched",status="404"\}/);
    expect(body).toMatch(/vigil_db_pool_connections\{pool="app"\} \d+/);
    expect(body).toMatch(/vigil_db_pool_idle_connections\{pool="app"\}/);
    expect(body).toMatch(/vigil_db_pool_waiting_clients\{pool="app"\} 0/);
    expect(body).toMatch(/vigil_db_pool_wait_seconds_count\{pool="app"\} [1-9]/);
    expect(body).toContain("# TYPE vigil_job_queue_jobs gauge");
    // The queue read itself works (an error would only leave the gauge empty).
    expect(Array.isArray(await jobQueueCounts())).toBe(true);
    expect(body).toMatch(/vigil_emails_sent_total [1-9]/);
    expect(body).toMatch(/vigil_emails_failed_total [1-9]/);
    expect(body).toMatch(/process_resident_memory_bytes \d+/);
    expect(body).toMatch(/nodejs_heap_size_used_bytes \d+/);
  });
});

describe("METRICS_PORT", () => {
  it("serves /metrics on a listener of its own, with the token when one is set", async () => {
    process.env.METRICS_PORT = "0";
    process.env.METRICS_TOKEN = TOKEN;
    // Port 0: the test asks the system for a free one, then finds it through the log line.
    let announced = "";
    const stop = startMetricsListener((message) => (announced = message));
    try {
      await expect.poll(() => announced).toMatch(/Metrics at/);
      const url = /http:\/\/\S+/.exec(announced)![0];
      expect((await fetch(url)).status).toBe(401);
      const answer = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(answer.status).toBe(200);
      expect(await answer.text()).toContain("vigil_http_request_duration_seconds");
    } finally {
      await stop?.();
      delete process.env.METRICS_PORT;
    }
    expect(startMetricsListener(() => undefined)).toBeUndefined();
  });
});

describe("routeLabel", () => {
  it.each([
    ["/t/:slug/visits/:visitId/report.pdf", "/t/npm-serbia/visits/0b6f2a70-1a53-4d7e-9c61-3f0c2c7c1d11/report.pdf", 200, "/t/:slug/visits/:visitId/report.pdf"],
    ["/api/trpc/*", "/api/trpc/visits.list", 200, "/api/trpc/visits.list"],
    ["/api/trpc/*", "/api/trpc/visits.list,places.list", 200, "/api/trpc/(batch)"],
    ["/api/trpc/*", "/api/trpc/made.up", 404, "unmatched"],
    ["/api/trpc/*", "/api/trpc/madeup.procedure", 405, "/api/trpc/*"],
    [undefined, "/whatever/you/like", 403, "unmatched"],
    ["/t/:slug/visits/:visitId", "/t/a/visits/b", 404, "unmatched"],
    ["/", "/", 200, "/"],
  ] as const)("%s %s (%i) is %s", (pattern, path, status, label) => {
    expect(routeLabel(pattern, path, status)).toBe(label);
  });
});

describe("a stranger's paths", () => {
  it("add no series: 1000 random paths, methods and origins end in a bounded set of labels", async () => {
    const routesServer = await routedApp();
    try {
      const sent = new Set<string>();
      const random = () => {
        const segment = Math.random().toString(36).slice(2, 2 + 3 + Math.floor(Math.random() * 8));
        sent.add(segment);
        return segment;
      };
      const shapes = [
        () => `/${random()}`,
        () => `/${random()}/${random()}`,
        () => `/t/${random()}/${random()}`,
        () => `/t/${random()}/visits/${random()}`,
        () => `/p/${random()}/${random()}/${random()}`,
        () => `/api/trpc/${random()}.${random()}`,
        () => `/invitations/${random()}`,
      ];
      for (let index = 0; index < 1000; index += 1) {
        const path = shapes[index % shapes.length]!();
        // Every fourth a POST with no origin: refused by the same-origin check before any route.
        const method = index % 4 === 0 ? "POST" : "GET";
        await fetch(`${routesServer.base}${path}`, { method });
      }
      const body = await (await fetch(`${routesServer.base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
      const series = new Set(body.split("\n").filter((line) => line.startsWith("vigil_http_request_duration_seconds_count{")));
      const routes = new Set([...series].map((line) => /route="([^"]*)"/.exec(line)![1]));
      // Whatever the paths: route patterns of routes.ts, the tRPC splat, and `unmatched`.
      for (const route of routes) {
        const segments = route!.split(/[/.]/);
        expect(segments.filter((segment) => sent.has(segment)), route).toEqual([]);
      }
      expect(routes.size).toBeLessThanOrEqual(10);
      expect(series.size).toBeLessThanOrEqual(30);
    } finally {
      routesServer.close();
    }
  });
});

/** React Router's part stood in for by the real route table: the same matcher the request handler uses. */
async function routedApp() {
  process.env.METRICS_TOKEN = TOKEN;
  const { default: routes } = await import("../app/routes.ts");
  const tree = routeTree(flatRoutes(routes));
  const app = express()
    .use(httpMetrics)
    .use(metricsRouter)
    .use(sameOriginOnly)
    .use((req, res) => {
      const pattern = matchedRoutePattern(tree, req.path);
      if (pattern === undefined) return void res.status(404).send("not found");
      noteRoutePattern(res, pattern);
      res.status(req.path.startsWith("/api/trpc/") ? 404 : 200).send("routed");
    });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

type ConfigRoute = { id?: string; file: string; path?: string; index?: boolean; children?: ConfigRoute[] };
/** routes.ts's nested config as the server build lists it: flat, children naming their parent. */
function flatRoutes(routes: ConfigRoute[], parentId = "root"): Record<string, { id: string; parentId?: string; path?: string; index?: boolean }> {
  const manifest: Record<string, { id: string; parentId?: string; path?: string; index?: boolean }> = parentId === "root" ? { root: { id: "root", path: "" } } : {};
  for (const route of routes) {
    const id = route.id ?? route.file;
    manifest[id] = { id, parentId, path: route.path, index: route.index };
    Object.assign(manifest, flatRoutes(route.children ?? [], id));
  }
  return manifest;
}
