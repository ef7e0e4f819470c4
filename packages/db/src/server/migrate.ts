import { readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runner } from "node-pg-migrate";

export const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../migrations");

/**
 * Applies pending SQL migrations as the table owner. node-pg-migrate holds a PostgreSQL advisory
 * lock while it runs, and in "wait" mode a second process starting at the same moment waits for the
 * first and then finds nothing left to do, instead of racing it.
 */
export async function migrateDatabase(ownerUrl: string, options: { log?: (message: string) => void } = {}): Promise<string[]> {
  const log = options.log ?? (() => {});
  const applied = await runner({
    databaseUrl: ownerUrl,
    dir: migrationsDir,
    direction: "up",
    migrationsTable: "schema_migrations",
    advisoryLockMode: "wait",
    checkOrder: true,
    logger: { debug: () => {}, info: log, warn: log, error: log },
  });
  return applied.map((migration) => migration.name);
}

/** The migration names on disk, as node-pg-migrate records them (file name without ".sql"). */
export async function migrationNamesOnDisk(): Promise<string[]> {
  const files = await readdir(migrationsDir);
  return files.filter((file) => file.endsWith(".sql")).map((file) => file.slice(0, -".sql".length)).sort();
}
