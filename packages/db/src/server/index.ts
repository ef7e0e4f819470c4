export { bootstrapDatabase, withDatabase, type DatabaseUrls } from "./bootstrap.ts";
export { startEmbeddedPostgres, type EmbeddedServer } from "./embedded-postgres.ts";
export { migrateDatabase, migrationNamesOnDisk, migrationsDir } from "./migrate.ts";
export { prepareDatabase, type PreparedDatabase } from "./prepare-database.ts";
