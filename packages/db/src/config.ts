/**
 * Where the database is. Read lazily, because the start-up code may set these variables after
 * starting the embedded PostgreSQL (src/server/prepare-database.ts).
 *
 * - DATABASE_URL: the application's role (`vigil_app`: owns no table, no BYPASSRLS).
 * - DATABASE_OWNER_URL: the role that owns the tables (`vigil_owner`, with BYPASSRLS); runs
 *   migrations and backs the privileged handle (privileged.ts).
 */
export function appDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start through the server entry, or set it.");
  return url;
}

export function ownerDatabaseUrl(): string {
  const url = process.env.DATABASE_OWNER_URL;
  if (!url) throw new Error("DATABASE_OWNER_URL is not set: it names the role that owns the tables (see README).");
  return url;
}
