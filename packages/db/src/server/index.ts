export { bootstrapDatabase, withDatabase, type DatabaseUrls } from "./bootstrap.ts";
export { startEmbeddedPostgres, type EmbeddedServer } from "./embedded-postgres.ts";
export { migrateDatabase } from "./migrate.ts";
export { migrationNamesOnDisk, migrationsDir } from "./migration-files.ts";
export { prepareDatabase, type PreparedDatabase } from "./prepare-database.ts";
