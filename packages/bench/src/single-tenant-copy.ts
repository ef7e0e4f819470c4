import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * "The same queries without row-level security" only means something if, as the table owner
 * (BYPASSRLS), they read the same rows as the application role. Many statements leave the tenant
 * filter to the policies (the Prisma lists say only `where: { status }`), so against the bench
 * database the owner would read every workspace's rows. This copy of the database keeps the tenant
 * rows of one workspace only, so the owner's replay does the same work; run.ts checks, per
 * procedure, that both read identical rows before it compares their times.
 *
 * CREATE DATABASE ... TEMPLATE needs the source without other connections: close them first.
 */
export async function singleTenantCopy(options: { adminUrl: string; ownerUrl: string; database: string; tenantId: string }) {
  const copy = `${options.database}_owner_${randomBytes(3).toString("hex")}`;
  const onCluster = async <T>(database: string, work: (client: pg.Client) => Promise<T>) => {
    const url = new URL(options.adminUrl);
    url.pathname = `/${database}`;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  // A server that has just stopped (the page part) may still be closing its connections: retry a while.
  for (let attempt = 1; ; attempt++) {
    try {
      await onCluster("postgres", (admin) =>
        admin.query(`CREATE DATABASE ${pg.escapeIdentifier(copy)} TEMPLATE ${pg.escapeIdentifier(options.database)} STRATEGY FILE_COPY`),
      );
      break;
    } catch (error) {
      if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  await onCluster(copy, async (admin) => {
    const tables = await admin.query<{ table: string }>(
      `SELECT c.relname AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
        WHERE n.nspname = 'public' AND c.relkind = 'r'`,
    );
    // Foreign keys and triggers (audit, frozen versions) would refuse or reorder the deletes; the
    // rows go as a whole, so nothing is left dangling.
    await admin.query("SET session_replication_role = replica");
    for (const { table } of tables.rows) await admin.query(`DELETE FROM ${pg.escapeIdentifier(table)} WHERE tenant_id <> $1`, [options.tenantId]);
    await admin.query("VACUUM ANALYZE");
  });
  const ownerUrl = new URL(options.ownerUrl);
  ownerUrl.pathname = `/${copy}`;
  return {
    ownerUrl: ownerUrl.toString(),
    drop: () => onCluster("postgres", (admin) => admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(copy)} WITH (FORCE)`)),
  };
}
