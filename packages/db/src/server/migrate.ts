import { runner } from "node-pg-migrate";
import { migrationsDirectory } from "./migration-files.ts";

/**
 * Applies pending SQL migrations as the table owner. node-pg-migrate holds a PostgreSQL advisory
 * lock while it runs, and in "wait" mode a second process starting at the same moment waits for the
 * first and then finds nothing left to do, instead of racing it.
 */
export async function migrateDatabase(
  ownerUrl: string,
  options: { log?: (message: string) => void; /** Apply at most this many pending migrations (a restore stops at the backup's version). */ count?: number } = {},
): Promise<string[]> {
  const log = options.log ?? (() => {});
  const applied = await runner({
    databaseUrl: ownerUrl,
    dir: migrationsDirectory(),
    direction: "up",
    ...(options.count === undefined ? {} : { count: options.count }),
    migrationsTable: "schema_migrations",
    advisoryLockMode: "wait",
    checkOrder: true,
    logger: { debug: () => {}, info: log, warn: log, error: log },
  });
  return applied.map((migration) => migration.name);
}
