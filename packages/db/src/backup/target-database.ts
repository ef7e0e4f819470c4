import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { bootstrapDatabase } from "../server/bootstrap.ts";
import { embeddedClusterDir } from "../server/embedded-location.ts";
import { startEmbeddedPostgres } from "../server/embedded-postgres.ts";
import { rolePasswords } from "../server/prepare-database.ts";

export type DatabaseTarget = { dataDir: string; port: number; log: (message: string) => void };

/**
 * Runs `work` with the table owner's URL of the database Vigil uses: DATABASE_OWNER_URL when set
 * (your own PostgreSQL), else the embedded cluster of the data folder — the running one when the
 * app is up (a backup is consistent while it writes), or one started for the duration.
 * `create`: a restore may initialise the cluster of a fresh data folder.
 */
export async function withOwnerDatabase<T>(target: DatabaseTarget, options: { create: boolean }, work: (ownerUrl: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_OWNER_URL) return work(process.env.DATABASE_OWNER_URL);
  if (process.env.DATABASE_URL) throw new Error("DATABASE_URL is set but DATABASE_OWNER_URL is not: backups and restores need the table owner's URL.");

  const hasCluster = existsSync(path.join(embeddedClusterDir(target.dataDir), "PG_VERSION"));
  if (!hasCluster && !options.create) {
    throw new Error(`There is no embedded PostgreSQL cluster in ${target.dataDir} (set VIGIL_DATA_DIR, or DATABASE_OWNER_URL for your own PostgreSQL).`);
  }
  const running = hasCluster ? await runningAdminUrl(target) : undefined;
  if (running) {
    target.log(`Using the embedded PostgreSQL already running on port ${target.port}.`);
    return work(await ownerUrl(running, target.dataDir));
  }
  const server = await startEmbeddedPostgres({ dataDir: target.dataDir, port: target.port, quiet: true, notice: target.log });
  try {
    target.log(`Started the embedded PostgreSQL of ${target.dataDir} for this run.`);
    return await work(await ownerUrl(server.adminUrl, target.dataDir));
  } finally {
    await server.stop();
  }
}

async function ownerUrl(adminUrl: string, dataDir: string): Promise<string> {
  // Idempotent: creates the roles and the database on a fresh cluster, changes nothing otherwise.
  return (await bootstrapDatabase({ adminUrl, database: "vigil", ...(await rolePasswords(dataDir)) })).ownerUrl;
}

async function runningAdminUrl(target: DatabaseTarget): Promise<string | undefined> {
  const credentialsFile = path.join(target.dataDir, "postgres-credentials.json");
  if (!existsSync(credentialsFile)) return undefined;
  const { password } = JSON.parse(await readFile(credentialsFile, "utf8")) as { password: string };
  const adminUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${target.port}/postgres`;
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return adminUrl;
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}
