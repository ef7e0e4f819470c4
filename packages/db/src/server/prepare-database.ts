import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { bootstrapDatabase } from "./bootstrap.ts";
import { startEmbeddedPostgres } from "./embedded-postgres.ts";
import { migrateDatabase } from "./migrate.ts";

export type PreparedDatabase = {
  /** True when this process started its own embedded PostgreSQL. */
  embedded: boolean;
  /** True when the embedded cluster was created by this start: the moment to load demo data. */
  firstStart: boolean;
  stop: () => Promise<void>;
};

type RolePasswords = { ownerPassword: string; appPassword: string };

/**
 * Everything the server needs before it can answer: a database, its roles, and every migration.
 *
 * With DATABASE_URL set, that server is used as it is (DATABASE_OWNER_URL runs the migrations).
 * Without it, a real PostgreSQL from the embedded-postgres package starts in `dataDir`, and this
 * function sets DATABASE_URL and DATABASE_OWNER_URL for the rest of the process.
 */
export async function prepareDatabase(options: { dataDir: string; port: number; log: (message: string) => void }): Promise<PreparedDatabase> {
  if (process.env.DATABASE_URL) {
    const ownerUrl = process.env.DATABASE_OWNER_URL;
    if (!ownerUrl) throw new Error("DATABASE_URL is set but DATABASE_OWNER_URL is not: migrations need the table owner's URL.");
    await migrateDatabase(ownerUrl, { log: options.log });
    return { embedded: false, firstStart: false, stop: async () => {} };
  }

  const server = await startEmbeddedPostgres({ dataDir: options.dataDir, port: options.port, quiet: true, notice: options.log });
  try {
    const passwords = await rolePasswords(options.dataDir);
    const urls = await bootstrapDatabase({ adminUrl: server.adminUrl, database: "vigil", ...passwords });
    process.env.DATABASE_URL = urls.appUrl;
    process.env.DATABASE_OWNER_URL = urls.ownerUrl;
    await migrateDatabase(urls.ownerUrl, { log: options.log });
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { embedded: true, firstStart: server.created, stop: server.stop };
}

/** The passwords of vigil_owner and vigil_app for the embedded cluster, created on first use. */
export async function rolePasswords(dataDir: string): Promise<RolePasswords> {
  const file = path.join(dataDir, "role-passwords.json");
  if (existsSync(file)) return JSON.parse(await readFile(file, "utf8")) as RolePasswords;
  const passwords = { ownerPassword: randomBytes(18).toString("base64url"), appPassword: randomBytes(18).toString("base64url") };
  await writeFile(file, JSON.stringify(passwords), { mode: 0o600 });
  return passwords;
}
