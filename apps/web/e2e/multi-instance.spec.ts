import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { startFakeS3, type FakeS3 } from "@vigil/api/storage-testing";
import { createTestDatabase, type TestDatabase } from "@vigil/db/testing";
import pg from "pg";
import { tinyPng } from "./files";
import { newOwner, signUp } from "./support";
import { exportWorkspaceAndDownload } from "./workspace-export-flow";

/**
 * Vigil as a hosted service (issue 19): two web instances and one worker on one PostgreSQL and one
 * S3 store (s3rver), behind a switchable stand-in for a load balancer. Each instance has its own
 * data folder, so nothing can pass through a local disk. Started here, not by the config's web
 * servers: only this spec needs them.
 */
const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const basePort = Number(process.env.E2E_PORT ?? 3123);
const balancerPort = basePort + 1;
const instancePorts = { A: basePort + 2, B: basePort + 3 } as const;
type Instance = keyof typeof instancePorts;
const balancerURL = `http://127.0.0.1:${balancerPort}`;

let database: TestDatabase;
let s3: FakeS3;
let folders: string[] = [];
const processes: ChildProcess[] = [];
const output: string[] = [];
/** Where the balancer sends the next request, and which instance answered each one. */
let target: Instance = "A";
const served: Record<Instance, number> = { A: 0, B: 0 };
let balancer: http.Server;

function startProcess(name: string, command: string[], env: Record<string, string>): void {
  const child = spawn(command[0]!, command.slice(1), { cwd: webDir, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.on("data", (chunk: Buffer) => output.push(`[${name}] ${chunk.toString()}`));
  child.stderr.on("data", (chunk: Buffer) => output.push(`[${name}] ${chunk.toString()}`));
  processes.push(child);
}

async function waitUntilReady(url: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const status = await fetch(url).then((response) => response.status, () => 0);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not become ready:\n${output.join("")}`);
}

test.describe.configure({ mode: "serial" });
test.use({ baseURL: balancerURL });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  database = await createTestDatabase();
  s3 = await startFakeS3();
  const outbox = await mkdtemp(path.join(os.tmpdir(), "vigil-multi-outbox-"));
  folders = [outbox];
  // Every instance shares what a deployment shares: the database, the bucket, the notes key, the address.
  const shared = {
    ...s3.env,
    NODE_ENV: "production", LOG_LEVEL: "warn", HOST: "127.0.0.1", APP_URL: balancerURL,
    DATABASE_URL: database.appUrl, DATABASE_OWNER_URL: database.ownerUrl, MAIL_OUTBOX_DIR: outbox,
    INTERVIEW_NOTES_KEYS: `e2e:${Buffer.alloc(32, 9).toString("base64")}`,
    JOB_RUNNER: "worker", REMINDER_CRON: "* * * * *",
  };
  for (const [name, port] of Object.entries(instancePorts)) {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), `vigil-multi-${name}-`));
    folders.push(dataDir);
    startProcess(name, ["node", "build/main.js"], { ...shared, PORT: String(port), VIGIL_DATA_DIR: dataDir });
  }
  const workerDir = await mkdtemp(path.join(os.tmpdir(), "vigil-multi-worker-"));
  folders.push(workerDir);
  startProcess("worker", ["node", "--import", "tsx", "../../packages/api/src/jobs/worker.ts"], { ...shared, VIGIL_DATA_DIR: workerDir });

  balancer = http.createServer((request, response) => {
    const instance = target;
    served[instance] += 1;
    const upstream = http.request({ host: "127.0.0.1", port: instancePorts[instance], path: request.url, method: request.method, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on("error", () => response.destroy());
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => balancer.listen(balancerPort, "127.0.0.1", resolve));
  await Promise.all(Object.values(instancePorts).map((port) => waitUntilReady(`http://127.0.0.1:${port}/readyz`)));
  await expect.poll(() => output.join(""), { timeout: 60_000 }).toContain("Vigil worker is running the background jobs (storage: s3)");
});

test.afterAll(async () => {
  for (const child of processes) child.kill("SIGTERM");
  await Promise.all(processes.map((child) => (child.exitCode === null ? new Promise((resolve) => child.once("exit", resolve)) : null)));
  balancer?.close();
  await s3?.close();
  await database?.dispose();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

/** Sends the following requests to `instance`, and checks that it answers them. */
function switchTo(instance: Instance): () => void {
  target = instance;
  const before = served[instance];
  return () => expect(served[instance], `instance ${instance} answered`).toBeGreaterThan(before);
}

test("two web instances and a worker share sessions, files, jobs and sign-in limits", async ({ page }) => {
  test.setTimeout(240_000);
  const owner = newOwner();
  let answered = switchTo("A");
  await signUp(page, owner);
  answered();

  // Signed in on A, the same session continues on B.
  answered = switchTo("B");
  await page.goto(`/t/${owner.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: owner.workspaceName })).toBeVisible();
  answered();

  // A file uploaded through A downloads through B: the bytes are in the bucket, not on A's disk.
  const client = new pg.Client({ connectionString: database.ownerUrl });
  await client.connect();
  let visitId: string;
  try {
    const { rows } = await client.query<{ tenant_id: string; user_id: string }>(
      "SELECT t.id AS tenant_id, u.id AS user_id FROM tenants t JOIN memberships m ON m.tenant_id = t.id JOIN users u ON u.id = m.user_id WHERE t.slug = $1 AND u.email = $2",
      [owner.slug, owner.email],
    );
    const { tenant_id: tenantId, user_id: userId } = rows[0]!;
    const place = await client.query<{ id: string }>("INSERT INTO places (tenant_id, name, type) VALUES ($1, 'Police Station Zemun', 'police_custody') RETURNING id", [tenantId]);
    const visit = await client.query<{ id: string }>(
      "INSERT INTO visits (tenant_id, place_id, type, night_visit, planned_start, planned_end, status) VALUES ($1, $2, 'ad_hoc', false, current_date, current_date, 'in_progress') RETURNING id",
      [tenantId, place.rows[0]!.id],
    );
    visitId = visit.rows[0]!.id;
    await client.query("INSERT INTO visit_team_members (tenant_id, visit_id, user_id, visit_role) VALUES ($1, $2, $3, 'lead')", [tenantId, visitId, userId]);
  } finally {
    await client.end();
  }
  answered = switchTo("A");
  await page.goto(`/t/${owner.slug}/visits/${visitId}/findings`);
  const newFinding = page.getByRole("region", { name: "Record a finding" });
  await newFinding.getByLabel("Theme").fill("Material conditions");
  await newFinding.getByLabel("Finding").fill("Cell 2 has no call button.");
  await newFinding.getByLabel("Severity").selectOption("medium");
  await newFinding.getByRole("button", { name: "Record finding" }).click();
  const finding = page.getByRole("article", { name: "Material conditions" });
  await finding.getByLabel("Photo, scan or PDF").setInputFiles({ name: "cell-2.png", mimeType: "image/png", buffer: tinyPng() });
  await finding.getByRole("button", { name: "Attach file" }).click();
  await expect(page.getByRole("status")).toHaveText("cell-2.png attached.");
  const href = (await finding.getByRole("link", { name: "Download cell-2.png" }).getAttribute("href"))!;
  answered();
  answered = switchTo("B");
  const download = await page.request.get(href);
  expect(download.status()).toBe(200);
  expect((await download.body()).subarray(0, 8)).toEqual(tinyPng().subarray(0, 8));
  answered();

  // An export started on B is built by the worker (neither web instance runs jobs) into the bucket.
  await page.goto(`/t/${owner.slug}/security`);
  await exportWorkspaceAndDownload(page, owner.password, 60_000);
  answered();

  // The sign-in limit (5 failures per account in 15 minutes) counts failures on both instances.
  const guessed = `nobody-${owner.slug}@e2e.example`;
  const context = await page.context().browser()!.newContext({ baseURL: balancerURL, locale: "en-GB" });
  const stranger = await context.newPage();
  for (let attempt = 1; attempt <= 6; attempt += 1) {
    switchTo(attempt % 2 === 1 ? "A" : "B");
    await stranger.goto("/sign-in");
    await stranger.getByLabel("E-mail address").fill(guessed);
    await stranger.getByLabel("Password").fill(`guess-${attempt}`);
    await stranger.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(stranger.getByRole("alert")).toContainText(attempt <= 5 ? "The e-mail address or password is not correct." : "Too many attempts.");
  }
  await context.close();

  // The daily reminder (every minute here) runs once per run, not once per process.
  const db = new pg.Client({ connectionString: database.ownerUrl });
  await db.connect();
  try {
    const runs = async () =>
      (await db.query<{ minute: Date; runs: number }>(
        `SELECT date_trunc('minute', created_on) AS minute, count(*)::int AS runs FROM (
           SELECT created_on FROM pgboss.job WHERE name = 'recommendation-reminders'
           UNION ALL SELECT created_on FROM pgboss.archive WHERE name = 'recommendation-reminders') jobs GROUP BY 1 ORDER BY 1`,
      )).rows;
    await expect.poll(async () => (await runs()).length, { timeout: 120_000, intervals: [2000] }).toBeGreaterThan(0);
    for (const run of await runs()) expect(run.runs, `reminder runs at ${run.minute.toISOString()}`).toBe(1);
    const schedules = await db.query<{ name: string }>("SELECT name FROM pgboss.schedule WHERE name = 'recommendation-reminders'");
    expect(schedules.rowCount).toBe(1);
  } finally {
    await db.end();
  }
});
