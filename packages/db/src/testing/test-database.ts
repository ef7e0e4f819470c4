import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { bootstrapDatabase, withDatabase, type DatabaseUrls } from "../server/bootstrap.ts";
import { startEmbeddedPostgres } from "../server/embedded-postgres.ts";
import { migrateDatabase } from "../server/migrate.ts";

export type TestDatabase = DatabaseUrls & { adminUrl: string; database: string; dispose: () => Promise<void> };

// Test-only role passwords. On a shared cluster (DATABASE_ADMIN_URL) the bootstrap sets them, so
// point DATABASE_ADMIN_URL at a cluster used for tests, never at one that serves users.
export const TEST_PASSWORDS = { ownerPassword: "vigil-owner-test", appPassword: "vigil-app-test" };

/**
 * A freshly migrated database for one test run: on the cluster named by DATABASE_ADMIN_URL when set
 * (CI's PostgreSQL 15), otherwise on an embedded PostgreSQL in a temporary folder.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const database = `vigil_test_${randomBytes(5).toString("hex")}`;
  let adminUrl = process.env.DATABASE_ADMIN_URL;
  let stopServer = async () => {};
  if (!adminUrl) {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "vigil-test-pg-"));
    const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), quiet: true });
    adminUrl = server.adminUrl;
    stopServer = async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  }
  const urls = await bootstrapDatabase({ adminUrl, database, ...TEST_PASSWORDS });
  await migrateDatabase(urls.ownerUrl);
  const admin = adminUrl;
  return {
    ...urls,
    adminUrl: withDatabase(admin, database),
    database,
    dispose: async () => {
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`);
      await client.end();
      await stopServer();
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
