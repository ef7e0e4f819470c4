import pg from "pg";

/**
 * A direct connection for tests that must look at the database as a given role: the owner
 * (catalog queries) or the application role (proving what row-level security refuses).
 */
export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** Runs `work` in a transaction scoped to a tenant exactly as the application does, then rolls back. */
export async function asTenant<T>(client: pg.Client, tenantId: string | null, work: () => Promise<T>, userId: string | null = null): Promise<T> {
  await client.query("BEGIN");
  try {
    await client.query("SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true)", [tenantId ?? "", userId ?? ""]);
    return await work();
  } finally {
    await client.query("ROLLBACK");
  }
}
