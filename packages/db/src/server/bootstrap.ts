import pg from "pg";

export type DatabaseUrls = { appUrl: string; ownerUrl: string };

export type BootstrapOptions = {
  /** A superuser (or CREATEROLE + CREATEDB) connection to the cluster. */
  adminUrl: string;
  database: string;
  ownerPassword: string;
  appPassword: string;
};

/**
 * Creates the two roles and the database. Roles belong to the whole cluster, so this is a bootstrap
 * step, not a migration; it is idempotent and safe to run on every start.
 *
 * - `vigil_owner` owns the tables, runs migrations and backs the privileged handle (BYPASSRLS).
 * - `vigil_app` is what the application connects as: it owns nothing and cannot bypass row-level
 *   security.
 * - `vigil_joint` (NOLOGIN) is what joint-visit procedures `SET LOCAL ROLE` to: the partner policies
 *   apply to it alone (decision 0121). vigil_app is a member that does NOT inherit it (NOINHERIT,
 *   one form for PostgreSQL 15 and 16+), so those policies never join vigil_app's own queries.
 */
export async function bootstrapDatabase(options: BootstrapOptions): Promise<DatabaseUrls> {
  const admin = new pg.Client({ connectionString: options.adminUrl });
  await admin.connect();
  try {
    await ensureRole(admin, "vigil_owner", options.ownerPassword, "LOGIN NOSUPERUSER NOCREATEROLE BYPASSRLS");
    await ensureRole(admin, "vigil_app", options.appPassword, "LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB NOBYPASSRLS NOINHERIT");
    await ensureJointRole(admin);
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.database]);
    if (exists.rowCount === 0) {
      await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(options.database)} OWNER vigil_owner`);
    }
  } finally {
    await admin.end();
  }

  // Inside the new database: only the owner may create objects in the public schema.
  const inDatabase = new pg.Client({ connectionString: withDatabase(options.adminUrl, options.database) });
  await inDatabase.connect();
  try {
    await inDatabase.query("ALTER SCHEMA public OWNER TO vigil_owner");
    await inDatabase.query("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
    await inDatabase.query("GRANT USAGE ON SCHEMA public TO vigil_app");
  } finally {
    await inDatabase.end();
  }

  return {
    ownerUrl: withCredentials(options.adminUrl, options.database, "vigil_owner", options.ownerPassword),
    appUrl: withCredentials(options.adminUrl, options.database, "vigil_app", options.appPassword),
  };
}

async function ensureRole(client: pg.Client, role: string, password: string, attributes: string): Promise<void> {
  const exists = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
  const verb = exists.rowCount === 0 ? "CREATE" : "ALTER";
  // Passwords cannot be bound parameters in DDL; escapeLiteral quotes them safely.
  await client.query(`${verb} ROLE ${pg.escapeIdentifier(role)} WITH ${attributes} PASSWORD ${pg.escapeLiteral(password)}`);
}

/**
 * vigil_joint, granted to vigil_app without inheritance. NOINHERIT is set on vigil_app BEFORE the
 * grant: PostgreSQL 16+ fixes a membership's INHERIT option from the member's attribute at grant
 * time. A membership that still inherits (granted earlier by hand) is revoked and granted again.
 */
async function ensureJointRole(client: pg.Client): Promise<void> {
  const exists = await client.query("SELECT 1 FROM pg_roles WHERE rolname = 'vigil_joint'");
  const verb = exists.rowCount === 0 ? "CREATE" : "ALTER";
  await client.query(`${verb} ROLE vigil_joint WITH NOLOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB NOBYPASSRLS`);
  const inherits = async () =>
    (await client.query<{ inherits: boolean }>("SELECT pg_has_role('vigil_app', 'vigil_joint', 'USAGE') AS inherits")).rows[0]!.inherits;
  if (await inherits()) await client.query("REVOKE vigil_joint FROM vigil_app");
  const member = await client.query<{ member: boolean }>("SELECT pg_has_role('vigil_app', 'vigil_joint', 'MEMBER') AS member");
  if (!member.rows[0]!.member) await client.query("GRANT vigil_joint TO vigil_app");
  if (await inherits()) throw new Error("vigil_app must not inherit vigil_joint's privileges (NOINHERIT)");
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function withCredentials(url: string, database: string, user: string, password: string): string {
  const parsed = new URL(withDatabase(url, database));
  parsed.username = user;
  parsed.password = password;
  return parsed.toString();
}
