// `pnpm db:migrate`: applies pending migrations to the database named by DATABASE_OWNER_URL.
// Safe to run while the app starts: both take the same advisory lock.
import { migrateDatabase } from "../src/server/migrate.ts";

const ownerUrl = process.env.DATABASE_OWNER_URL;
if (!ownerUrl) {
  console.error("Set DATABASE_OWNER_URL: the URL of the role that owns Vigil's tables (see README).");
  process.exit(1);
}
const applied = await migrateDatabase(ownerUrl, { log: console.log });
console.log(applied.length === 0 ? "The database is up to date." : `Applied ${applied.length} migration(s).`);
