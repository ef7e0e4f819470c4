import { existsSync, readFileSync } from "node:fs";
import { readFile, readlink, realpath, rm } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const stopTimeoutMs = 30_000;

/**
 * Makes a cluster startable after its previous owner died without stopping it (`kill -9` of the
 * app leaves its postmaster running as an orphan; a power cut leaves a stale postmaster.pid).
 *
 * - postmaster.pid names a live postgres serving THIS data folder: ask it for a fast shutdown
 *   (SIGINT, what `pg_ctl stop -m fast` sends), wait for it to exit. Committed data is safe: a
 *   fast shutdown rolls back open transactions and writes a checkpoint.
 * - it names a dead process, or a live process that is not a postgres of this folder (its pid was
 *   reused after a reboot): the file is stale; remove it.
 * Anything else (a postgres that does not stop) ends in an Error saying what to do.
 */
export async function clearLeftoverPostmaster(databaseDir: string, log: (message: string) => void): Promise<void> {
  const pidFile = path.join(databaseDir, "postmaster.pid");
  let pid: number;
  try {
    pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }

  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !(await servesFolder(pid, databaseDir))) {
    log(`Removing a stale ${pidFile} (no PostgreSQL of this folder runs as pid ${pid}).`);
    await rm(pidFile, { force: true });
    return;
  }

  const owner = liveNodeParent(pid);
  if (owner !== undefined) {
    throw new Error(
      `Another process (pid ${owner}) is running PostgreSQL (pid ${pid}) on ${databaseDir}: probably Vigil started twice on the same data folder. ` +
        `Stop that one first, or give this one its own VIGIL_DATA_DIR and EMBEDDED_POSTGRES_PORT.`,
    );
  }

  log(`A PostgreSQL left running by an earlier start (pid ${pid}) still serves ${databaseDir}: stopping it (fast shutdown).`);
  signal(pid, "SIGINT");
  const deadline = Date.now() + stopTimeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      throw new Error(
        `PostgreSQL (pid ${pid}) left running in ${databaseDir} by an earlier start did not stop within ${stopTimeoutMs / 1000} s. ` +
          `Stop it yourself (kill -INT ${pid}, or kill -QUIT ${pid} if it hangs) and start Vigil again.`,
      );
    }
    await sleep(100);
  }
}

/**
 * Stops the postmaster named in the cluster's postmaster.pid when it serves this folder: a fast
 * shutdown (SIGINT, as `pg_ctl stop -m fast`), then an immediate one (SIGQUIT) if it is still running
 * after `timeoutMs`. For a server that is no longer embedded-postgres's child (someone ran
 * `pg_ctl restart`): waiting for the old child's exit would hang and leave the new postmaster running.
 * True when no postmaster of this folder runs any more.
 */
export async function stopPostmasterOf(databaseDir: string, timeoutMs: number): Promise<boolean> {
  let pid: number;
  try {
    pid = Number((await readFile(path.join(databaseDir, "postmaster.pid"), "utf8")).split("\n")[0]);
  } catch {
    return true;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !(await servesFolder(pid, databaseDir))) return true;
  signal(pid, "SIGINT");
  if (await exited(pid, timeoutMs)) return true;
  signal(pid, "SIGQUIT");
  return exited(pid, timeoutMs);
}

async function exited(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") {
      throw new Error(`Cannot stop the PostgreSQL (pid ${pid}) left running by an earlier start: ${(error as Error).message}`);
    }
  }
}

/** Alive and not a zombie: an orphaned postmaster's parent may be an init that never reaps it. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  return procState(pid) !== "Z";
}

function procState(pid: number): string | undefined {
  try {
    // Synchronous on purpose: /proc reads do not block, and this runs in a polling loop.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
  } catch {
    return undefined;
  }
}

/**
 * The Node process that started this postmaster, when it still runs. An orphan (its app was killed)
 * has been adopted by init or a subreaper instead, which is not a Node process.
 */
function liveNodeParent(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (!(ppid > 1)) return undefined;
    const argv0 = readFileSync(`/proc/${ppid}/cmdline`, "utf8").split("\0")[0] ?? "";
    return path.basename(argv0).startsWith("node") ? ppid : undefined;
  } catch {
    return undefined;
  }
}

/** A postmaster works in its data directory: its cwd says which cluster it serves. */
async function servesFolder(pid: number, databaseDir: string): Promise<boolean> {
  try {
    const [cwd, dir] = await Promise.all([readlink(`/proc/${pid}/cwd`), realpath(databaseDir)]);
    return cwd === dir;
  } catch {
    // Without /proc (macOS) the pid is alive, so trust the lock file as postgres would; with /proc,
    // a process whose cwd cannot be read is not a postmaster of ours (another user's, or a zombie).
    return !existsSync("/proc/self");
  }
}
