// `pnpm fault` (docs/decisions/0134): the built server on a PostgreSQL this script owns, under a
// steady load of writes. PostgreSQL is stopped mid-load and started again; meanwhile every answer
// must be a 503 with Retry-After (never a 500) and the process must live on. Afterwards the same
// process must serve writes again, and every write it acknowledged must be in the database. Then
// the request-level guards are tried against the live server, and finally SIGTERM with requests
// in flight: they all finish, new connections are refused, the process exits 0.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bootstrapDatabase, migrateDatabase, startEmbeddedPostgres, type EmbeddedServer } from "@vigil/db/server";
import pg from "pg";

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const t0 = Date.now();
const log = (message: string) => process.stdout.write(`[fault ${((Date.now() - t0) / 1000).toFixed(1)}s] ${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const WRITERS = 6;

const failures: string[] = [];
function check(condition: boolean, what: string) {
  log(`${condition ? "ok  " : "FAIL"} ${what}`);
  if (!condition) failures.push(what);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

async function until(what: string, ms: number, test: () => Promise<boolean>) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await test().catch(() => false)) return;
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what}`);
}

type Outcome = { status: number; retryAfter: string | null; body: string; name: string };

async function main() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "vigil-fault-"));
  const [pgPort, appPort] = await Promise.all([freePort(), freePort()]);
  const base = `http://127.0.0.1:${appPort}`;
  let database: EmbeddedServer | undefined;
  let app: ChildProcess | undefined;
  try {
    // 1. A PostgreSQL of our own, with Vigil's roles, database and migrations.
    database = await startEmbeddedPostgres({ dataDir, port: pgPort, quiet: true });
    const passwords = { ownerPassword: randomBytes(12).toString("hex"), appPassword: randomBytes(12).toString("hex") };
    const urls = await bootstrapDatabase({ adminUrl: database.adminUrl, database: "vigil", ...passwords });
    await migrateDatabase(urls.ownerUrl, { log: () => {} });
    process.env.DATABASE_URL = urls.appUrl;
    process.env.DATABASE_OWNER_URL = urls.ownerUrl;
    // The fixtures seal the owner's TOTP secret with the notes key ring (0161); the app inherits the same ring.
    process.env.INTERVIEW_NOTES_KEYS ??= `fault:${randomBytes(32).toString("base64")}`;

    // A coordinator and a workspace to write places into (created directly, as the tests do).
    const { addMember, createTestUser, createTestWorkspace } = await import("@vigil/api/testing");
    const owner = await createTestUser("Owner");
    const coordinator = await createTestUser("Coordinator");
    const workspace = await createTestWorkspace(owner);
    await addMember(workspace.id, coordinator, "coordinator");
    const { disconnectAppDb } = await import("@vigil/db");
    await disconnectAppDb();

    // 2. The app, as `pnpm start` runs it, on that database.
    app = spawn(process.execPath, ["build/main.js"], {
      cwd: appDir,
      env: { ...process.env, NODE_ENV: "production", PORT: String(appPort), HOST: "127.0.0.1", APP_URL: base, VIGIL_DATA_DIR: dataDir, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let appOutput = "";
    app.stdout?.on("data", (chunk: Buffer) => (appOutput += chunk.toString()));
    app.stderr?.on("data", (chunk: Buffer) => (appOutput += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => app!.once("exit", (code) => resolve(code)));
    await until("the app to be ready", 60_000, async () => (await fetch(`${base}/readyz`)).status === 200);
    const pid = app.pid;
    log(`app ready (pid ${pid}), PostgreSQL on ${pgPort}`);

    const headers = { "content-type": "application/json", origin: base, cookie: `vigil_session=${coordinator.token}` };
    async function createPlace(name: string): Promise<Outcome> {
      try {
        const response = await fetch(`${base}/api/trpc/places.create`, { method: "POST", headers, body: JSON.stringify({ tenantSlug: workspace.slug, name, type: "prison" }) });
        return { status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.text(), name };
      } catch (error) {
        return { status: 0, retryAfter: null, body: String(error), name };
      }
    }

    // 3. Writes under load; PostgreSQL stops in the middle and starts again.
    const outcomes: Outcome[] = [];
    type Phase = "before" | "down" | "after";
    let phase = "before" as Phase;
    const byPhase: Record<Phase, Outcome[]> = { before: [], down: [], after: [] };
    let writing = true;
    let sequence = 0;
    const writers = Array.from({ length: WRITERS }, async () => {
      while (writing) {
        const current = phase;
        const outcome = await createPlace(`Fault place ${++sequence}`);
        outcomes.push(outcome);
        if (current === phase) byPhase[current].push(outcome);
      }
    });
    await until("writes to succeed", 20_000, async () => byPhase.before.filter((o) => o.status === 200).length >= 10);
    log("stopping PostgreSQL under load");
    await database.stop();
    phase = "down";
    log("PostgreSQL stopped");
    await until("requests answered during the outage", 20_000, async () => byPhase.down.length >= 20);
    const page = await fetch(`${base}/t/${workspace.slug}/places`, { headers: { cookie: headers.cookie } });
    const pageBody = await page.text();
    check(page.status === 503 && page.headers.get("retry-after") !== null, `a page during the outage is 503 with Retry-After (got ${page.status})`);
    check(!/at .+\.(ts|js):\d+/.test(pageBody), "the outage page shows no stack trace");
    const ready = await fetch(`${base}/readyz`);
    check(ready.status === 503, `/readyz is 503 during the outage (got ${ready.status})`);
    log("starting PostgreSQL again");
    database = await startEmbeddedPostgres({ dataDir, port: pgPort, quiet: true });
    phase = "after";
    await until("writes to succeed again without restarting the app", 30_000, async () => byPhase.after.filter((o) => o.status === 200).length >= 10);
    writing = false;
    await Promise.all(writers);

    const statuses = (list: Outcome[]) => [...new Set(list.map((o) => o.status))].sort().join(",");
    log(`answers: before ${statuses(byPhase.before)}, down ${statuses(byPhase.down)}, after ${statuses(byPhase.after)} (${outcomes.length} writes)`);
    check(!outcomes.some((o) => o.status >= 500 && o.status !== 503), "no write was answered with a 5xx other than 503");
    check(!outcomes.some((o) => o.status === 0), "no write lost its connection");
    const unavailable = byPhase.down.filter((o) => o.status === 503);
    check(unavailable.length > 0 && unavailable.every((o) => o.retryAfter !== null), `writes during the outage were 503 with Retry-After (${unavailable.length})`);
    check(!outcomes.some((o) => /\.(ts|js):\d+/.test(o.body)), "no answer carried a stack trace");
    check(app.exitCode === null && app.pid === pid, "the app process lived through the outage");

    // 4. Every acknowledged write is in the database.
    const acknowledged = outcomes.filter((o) => o.status === 200).map((o) => o.name);
    const owner_ = new pg.Client({ connectionString: urls.ownerUrl });
    await owner_.connect();
    const stored = new Set((await owner_.query<{ name: string }>("SELECT name FROM places WHERE tenant_id = $1", [workspace.id])).rows.map((row) => row.name));
    await owner_.end();
    const missing = acknowledged.filter((name) => !stored.has(name));
    check(missing.length === 0, `every acknowledged write is stored (${acknowledged.length} acknowledged, ${missing.length} missing)`);

    // 5. The request-level guards, against the live server.
    const powered = await fetch(`${base}/healthz`);
    check(!powered.headers.has("x-powered-by"), "no X-Powered-By");
    const huge = await rawRequest(appPort, `POST /api/trpc/auth.signIn HTTP/1.1\r\nHost: 127.0.0.1:${appPort}\r\nContent-Type: application/json\r\nContent-Length: ${100 * 1024 * 1024}\r\nOrigin: ${base}\r\n\r\n{"email":"`);
    check(huge.startsWith("HTTP/1.1 413"), `a 100 MB sign-in is refused with 413 before it is read (got ${huge.split("\r\n")[0]})`);
    const batch = Array.from({ length: 11 }, () => "places.list").join(",");
    const input = encodeURIComponent(JSON.stringify(Object.fromEntries(Array.from({ length: 11 }, (_, i) => [i, { tenantSlug: workspace.slug }]))));
    const big = await fetch(`${base}/api/trpc/${batch}?batch=1&input=${input}`, { headers: { cookie: headers.cookie } });
    check(big.status === 400, `a batch of 11 calls is refused (got ${big.status})`);
    const boundary = "----fault";
    const truncated = await rawRequest(
      appPort,
      `POST /t/${workspace.slug}/visits/00000000-0000-4000-8000-000000000000/findings HTTP/1.1\r\nHost: 127.0.0.1:${appPort}\r\nOrigin: ${base}\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n` +
        chunk(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG`) + "0\r\n\r\n",
    );
    // Signed out, the answer is the sign-in redirect or a 4xx; what matters is no 5xx and no crash
    // (the exact 400 is upload-faults.int.test.ts's business).
    check(/^HTTP\/1\.1 [234]\d\d/.test(truncated), `a truncated upload is answered without a 5xx (got ${truncated.split("\r\n")[0]})`);
    check((await fetch(`${base}/healthz`)).status === 200 && app.exitCode === null, "the app lives on after the truncated upload");

    // 6. SIGTERM with ten requests in flight: each body is held back until after the signal.
    const inFlight = Array.from({ length: 10 }, (_, i) => slowRequest(appPort, base, headers.cookie, workspace.slug, `Drained place ${i}`));
    await Promise.all(inFlight.map((request) => request.started));
    app.kill("SIGTERM");
    await sleep(300);
    const refused = await fetch(`${base}/healthz`).then(
      () => false,
      () => true,
    );
    check(refused, "new connections are refused while stopping");
    inFlight.forEach((request) => request.finish());
    const drained = await Promise.all(inFlight.map((request) => request.response));
    check(
      drained.every((response) => response.startsWith("HTTP/1.1 200")),
      `all 10 in-flight requests finished with 200 (${drained.map((r) => r.split(" ")[1] ?? "cut").join(",")})`,
    );
    const code = await Promise.race([exited, sleep(15_000).then(() => "timeout")]);
    check(code === 0, `the app exited 0 after draining (got ${code})`);
    if (failures.length > 0) log(`app output:\n${appOutput.slice(-4000)}`);
  } finally {
    if (app && app.exitCode === null) app.kill("SIGKILL");
    await database?.stop().catch(() => {});
    await rm(dataDir, { recursive: true, force: true });
  }
}

function chunk(text: string): string {
  return `${Buffer.byteLength(text, "latin1").toString(16)}\r\n${text}\r\n`;
}

/** Sends `text` as is and resolves with whatever comes back until the server closes or 5 s pass. */
function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    let received = "";
    const done = () => {
      socket.destroy();
      resolve(received);
    };
    socket.on("data", (data) => {
      received += data.toString("latin1");
      if (/\r\n\r\n/.test(received) && !received.startsWith("HTTP/1.1 100")) setTimeout(done, 100);
    });
    socket.on("error", done);
    socket.on("close", done);
    setTimeout(done, 5000);
    socket.write(Buffer.from(text, "latin1"));
  });
}

/** A places.create whose headers go out now and whose body only when `finish` is called. */
function slowRequest(port: number, base: string, cookie: string, tenantSlug: string, name: string) {
  const body = JSON.stringify({ tenantSlug, name, type: "prison" });
  const socket = net.connect(port, "127.0.0.1");
  let received = "";
  // "100 Continue" says the server has parsed the headers: the request is in flight, not just connected.
  let markStarted: () => void;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  socket.write(
    `POST /api/trpc/places.create HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${base}\r\nCookie: ${cookie}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\n\r\n`,
  );
  socket.write(body.slice(0, 10));
  const response = new Promise<string>((resolve) => {
    socket.on("data", (data) => {
      received += data.toString();
      if (received.startsWith("HTTP/1.1 100")) markStarted();
      received = received.replace(/^HTTP\/1\.1 100 Continue\r\n\r\n/, "");
    });
    socket.on("close", () => resolve(received));
    socket.on("error", () => resolve(received));
    socket.on("end", () => resolve(received));
  });
  return {
    started,
    finish: () => socket.write(body.slice(10)),
    response: Promise.race([response, sleep(15_000).then(() => received)]),
  };
}

const startedAt = Date.now();
main().then(
  () => {
    log(`${failures.length === 0 ? "PASSED" : `FAILED (${failures.length})`} in ${Math.round((Date.now() - startedAt) / 1000)} s`);
    process.exit(failures.length === 0 ? 0 : 1);
  },
  (error: unknown) => {
    log(`ERROR ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
