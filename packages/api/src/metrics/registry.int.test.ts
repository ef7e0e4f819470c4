import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { jobQueueCounts } from "../jobs/metrics.ts";
import { appRoleBoss, prepareQueues } from "../jobs/queue.ts";
import { startMetricsListener } from "./registry.ts";

// The worker's /metrics (WORKER_METRICS_PORT, decision 0250): the listener every process can start,
// with the token when set, and pg-boss's queue depth and failures per queue.
const queue = `metrics-${randomUUID()}`;
const owner = new pg.Client({ connectionString: process.env.DATABASE_OWNER_URL });

afterAll(async () => {
  delete process.env.METRICS_TOKEN;
  await owner.query("DELETE FROM pgboss.job WHERE name = $1", [queue]).catch(() => undefined);
  await owner.query("SELECT pgboss.delete_queue($1)", [queue]).catch(() => owner.query("DELETE FROM pgboss.queue WHERE name = $1", [queue]));
  await owner.end();
});

it("serves queue depth and failures, pools, e-mails and memory, only with the token", async () => {
  await owner.connect();
  // A queue of its own, with no worker anywhere: its jobs stay where the test puts them.
  await prepareQueues([{ name: queue, options: { retryLimit: 0 } }]);
  const boss = appRoleBoss({ schedules: false });
  await boss.start();
  try {
    await boss.send(queue, {});
    await boss.send(queue, {});
    const failing = (await boss.send(queue, {}))!;
    await owner.query("UPDATE pgboss.job SET state = 'failed' WHERE name = $1 AND id = $2", [queue, failing]);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }

  // The app role's pool exists once it has been used (the worker's jobs use it).
  await jobQueueCounts();
  process.env.METRICS_TOKEN = "worker-metrics-token-0123456789";
  let announced = "";
  const stop = startMetricsListener({ port: 0, host: "127.0.0.1", log: (message) => (announced = message) });
  try {
    await expect.poll(() => announced).toMatch(/Metrics at/);
    const url = /http:\/\/\S+/.exec(announced)![0];
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url.replace("/metrics", "/elsewhere"))).status).toBe(404);
    const answer = await fetch(url, { headers: { authorization: "Bearer worker-metrics-token-0123456789" } });
    expect(answer.status).toBe(200);
    const body = await answer.text();
    expect(body).toContain(`vigil_job_queue_jobs{queue="${queue}",state="created"} 2`);
    expect(body).toContain(`vigil_job_queue_jobs{queue="${queue}",state="failed"} 1`);
    expect(body).toMatch(/vigil_db_pool_connections\{pool="app"\} \d+/);
    expect(body).toContain("vigil_emails_sent_total");
    expect(body).toMatch(/process_resident_memory_bytes \d+/);
    // Requests are the web server's series: a worker answers none.
    expect(body).not.toContain("vigil_http_request_duration_seconds");
  } finally {
    await stop();
  }
});
