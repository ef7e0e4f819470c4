import { readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../migrations");

/** Where the migration files are; VIGIL_MIGRATIONS_DIR wins (a bundled server cannot find them relative to itself). */
export function migrationsDirectory(): string {
  return process.env.VIGIL_MIGRATIONS_DIR ?? migrationsDir;
}

/** The migration names on disk, as node-pg-migrate records them (file name without ".sql"). */
export async function migrationNamesOnDisk(): Promise<string[]> {
  const files = await readdir(migrationsDirectory());
  return files.filter((file) => file.endsWith(".sql")).map((file) => file.slice(0, -".sql".length)).sort();
}
