import { execFileSync, spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, readlink, rename, rm, writeFile } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { freePort } from "../testing/test-database.ts";
import { embeddedClusterDir, legacyRootClusterDir } from "./embedded-location.ts";
import { startEmbeddedPostgres } from "./embedded-postgres.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const dataDirs: string[] = [];
afterAll(async () => {
  for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
});

async function newDataDir(): Promise<string> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "vigil-embedded-"));
  dataDirs.push(dataDir);
  return dataDir;
}

async function answers(adminUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const result = await client.query<{ one: number }>("SELECT 1 AS one");
  await client.end();
  return result.rows[0]!.one;
}

it("creates the cluster on the first start, reuses it later, and starts afresh when its data folder was deleted", async () => {
  const dataDir = await newDataDir();
  const port = await freePort();

  const first = await startEmbeddedPostgres({ dataDir, port, quiet: true });
  expect(first.created).toBe(true);
  expect(await answers(first.adminUrl)).toBe(1);
  await first.stop();

  const second = await startEmbeddedPostgres({ dataDir, port, quiet: true });
  expect(second.created).toBe(false);
  expect(await answers(second.adminUrl)).toBe(1);
  await second.stop();

  await rm(dataDir, { recursive: true, force: true });
  const third = await startEmbeddedPostgres({ dataDir, port, quiet: true });
  expect(third.created).toBe(true);
  expect(await answers(third.adminUrl)).toBe(1);
  await third.stop();
}, 90_000);

it("keeps the cluster inside the data folder, so a copy of the stopped folder starts with the same data", async () => {
  const dataDir = await newDataDir();
  const port = await freePort();
  expect(embeddedClusterDir(dataDir)).toBe(path.join(dataDir, "postgres"));

  const original = await startEmbeddedPostgres({ dataDir, port, quiet: true });
  const client = new pg.Client({ connectionString: original.adminUrl });
  await client.connect();
  await client.query("CREATE TABLE kept (value text); INSERT INTO kept VALUES ('still here')");
  await client.end();
  await original.stop();

  const copy = await newDataDir();
  await cp(dataDir, copy, { recursive: true });
  const credentialsBefore = await readFile(path.join(copy, "postgres-credentials.json"), "utf8");
  const started = await startEmbeddedPostgres({ dataDir: copy, port, quiet: true });
  expect(started.created).toBe(false);
  const reader = new pg.Client({ connectionString: started.adminUrl });
  await reader.connect();
  expect((await reader.query("SELECT value FROM kept")).rows).toEqual([{ value: "still here" }]);
  await reader.end();
  await started.stop();
  expect(await readFile(path.join(copy, "postgres-credentials.json"), "utf8")).toBe(credentialsBefore);
}, 90_000);

it("refuses a used data folder without its cluster, says what is missing, and keeps its credentials", async () => {
  const dataDir = await newDataDir();
  const credentials = JSON.stringify({ password: "the-old-one" });
  await writeFile(path.join(dataDir, "postgres-credentials.json"), credentials);
  await writeFile(path.join(dataDir, "interview-notes.keys"), "k1:AAAA\n");

  await expect(startEmbeddedPostgres({ dataDir, port: await freePort(), quiet: true })).rejects.toThrow(
    /Refusing to start: .* \(it holds postgres-credentials\.json, interview-notes\.keys\) but has no PostgreSQL cluster/,
  );
  expect(await readFile(path.join(dataDir, "postgres-credentials.json"), "utf8")).toBe(credentials);

  const keyOnly = await newDataDir();
  await writeFile(path.join(keyOnly, "interview-notes.keys"), "k1:AAAA\n");
  await expect(startEmbeddedPostgres({ dataDir: keyOnly, port: await freePort(), quiet: true })).rejects.toThrow(/interview-notes\.keys/);
});

it("stops the postmaster orphaned by a kill -9 of its app, then starts normally", async () => {
  const dataDir = await newDataDir();
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", path.join(here, "embedded-child.fixture.ts"), dataDir, String(port)], {
    cwd: path.resolve(here, "../.."), // where tsx resolves from
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
    child.on("exit", (code) => reject(new Error(`the child exited with ${code}`)));
  });
  const orphan = Number((await readFile(path.join(embeddedClusterDir(dataDir), "postmaster.pid"), "utf8")).split("\n")[0]);
  // While its app lives, a second start on the same folder is refused, and the first keeps its server.
  await expect(startEmbeddedPostgres({ dataDir, port, quiet: true })).rejects.toThrow(/Another process \(pid \d+\) is running PostgreSQL/);
  expect(() => process.kill(orphan, 0)).not.toThrow();
  child.kill("SIGKILL");
  await new Promise((resolve) => child.once("exit", resolve));
  expect(() => process.kill(orphan, 0)).not.toThrow(); // the postmaster outlived its app

  const restarted = await startEmbeddedPostgres({ dataDir, port, quiet: true });
  expect(await answers(restarted.adminUrl)).toBe(1);
  await restarted.stop();
}, 90_000);

/** One initialised, stopped cluster for the tests below (initdb is the slow part). */
let stopped: Promise<{ dataDir: string; port: number }> | undefined;
function stoppedCluster() {
  stopped ??= (async () => {
    const dataDir = await newDataDir();
    const port = await freePort();
    await (await startEmbeddedPostgres({ dataDir, port, quiet: true })).stop();
    return { dataDir, port };
  })();
  return stopped;
}

it("removes a stale postmaster.pid naming a process that is not a postgres of this folder", async () => {
  const { dataDir, port } = await stoppedCluster();

  // After a reboot the pid in the lock file may belong to any other live process. It runs as the
  // user postgres runs as (postgres itself treats another user's pid, EPERM, as stale).
  const asPostgres = process.getuid?.() === 0 ? { uid: Number(execFileSync("id", ["-u", "postgres"]).toString()), gid: Number(execFileSync("id", ["-g", "postgres"]).toString()) } : {};
  const other = spawn("sleep", ["60"], { stdio: "ignore", ...asPostgres });
  try {
    await writeFile(path.join(embeddedClusterDir(dataDir), "postmaster.pid"), `${other.pid}\n${embeddedClusterDir(dataDir)}\n0\n${port}\n\n127.0.0.1\n`);
    const restarted = await startEmbeddedPostgres({ dataDir, port, quiet: true });
    expect(await answers(restarted.adminUrl)).toBe(1);
    await restarted.stop();
  } finally {
    other.kill();
  }
}, 90_000);

it("explains a start that fails (port taken) instead of rejecting with undefined", async () => {
  const { dataDir, port } = await stoppedCluster();

  const squatter = createServer();
  await new Promise<void>((resolve) => squatter.listen(port, "127.0.0.1", resolve));
  try {
    const failure = await startEmbeddedPostgres({ dataDir, port, quiet: true }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(new RegExp(`did not start on 127\\.0\\.0\\.1:${port}[\\s\\S]*Address already in use`));
  } finally {
    squatter.close();
  }
}, 90_000);

it("under root, moves a cluster an earlier version kept in /var/lib/vigil into its data folder (otherwise refuses)", async () => {
  const { dataDir, port } = await stoppedCluster();
  const legacy = legacyRootClusterDir(dataDir);
  await mkdir(path.dirname(legacy), { recursive: true });
  await rename(embeddedClusterDir(dataDir), legacy);
  try {
    if (process.getuid?.() === 0) {
      const started = await startEmbeddedPostgres({ dataDir, port, quiet: true });
      expect(started.created).toBe(false);
      expect(await answers(started.adminUrl)).toBe(1);
      await started.stop();
      expect(existsSync(legacy)).toBe(false);
    } else {
      // Only root-run versions used that place: anyone else gets the missing-cluster refusal.
      await expect(startEmbeddedPostgres({ dataDir, port, quiet: true })).rejects.toThrow(/no PostgreSQL cluster/);
      await rename(legacy, embeddedClusterDir(dataDir));
    }
  } finally {
    await rm(path.dirname(legacy), { recursive: true, force: true });
  }
}, 90_000);

it("stops a server that someone restarted with pg_ctl (no longer its child), leaving no postmaster", async () => {
  const dataDir = await newDataDir();
  const port = await freePort();
  const clusterDir = embeddedClusterDir(dataDir);
  const server = await startEmbeddedPostgres({ dataDir, port, quiet: true });
  const postmasterPid = async () => Number((await readFile(path.join(clusterDir, "postmaster.pid"), "utf8")).split("\n")[0]);
  const original = await postmasterPid();
  // pg_ctl beside the running postgres binary; as the postgres user when the tests run as root (as embedded-postgres does).
  const pgCtl = path.join(path.dirname(await readlink(`/proc/${original}/exe`)), "pg_ctl");
  const restart = [pgCtl, "restart", "-w", "-m", "fast", "-D", clusterDir, "-l", "/dev/null"];
  const [command, ...args] = process.getuid?.() === 0 ? ["runuser", "-u", "postgres", "--", ...restart] : restart;
  execFileSync(command!, args, { stdio: "ignore" });
  const restarted = await postmasterPid();
  expect(restarted).not.toBe(original);
  expect(await answers(server.adminUrl)).toBe(1);

  // Before the fix this waited forever for the exit of the child that had already exited.
  await server.stop();
  expect(running(restarted)).toBe(false);
}, 90_000);

/** Alive and not a zombie (an orphaned postmaster's new parent may never reap it). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
}
