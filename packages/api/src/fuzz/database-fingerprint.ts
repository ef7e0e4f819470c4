import type pg from "pg";

export type Fingerprint = Map<string, string>;

/**
 * A digest of every row that belongs to the given workspaces and users, per table, read as the
 * database owner (row-level security would hide the other workspace). Tables are found in the
 * catalog, so a table added tomorrow is covered. Tests running in parallel only add rows for their
 * own tenants and users, which this never reads.
 */
export async function fingerprintReader(owner: pg.Client) {
  const { rows } = await owner.query<{ table_name: string; scope: "tenant" | "user" }>(`
    SELECT c.table_name, CASE WHEN bool_or(c.column_name = 'tenant_id') THEN 'tenant' ELSE 'user' END AS scope
      FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
     WHERE c.table_schema = 'public' AND c.column_name IN ('tenant_id', 'user_id')
     GROUP BY c.table_name
     ORDER BY c.table_name`);
  const digest = (table: string, where: string) => {
    const row = CHANGES_ON_ITS_OWN.get(table) ?? "r::text";
    return `SELECT '${table}' AS name, md5(coalesce(string_agg(${row}, '|' ORDER BY ${row}), '')) AS digest FROM "${table}" r WHERE ${where}`;
  };
  const parts = [
    digest("tenants", "id = ANY($1::uuid[])"),
    digest("users", "id = ANY($2::uuid[])"),
    ...rows.map((row) => digest(row.table_name, row.scope === "tenant" ? "tenant_id = ANY($1::uuid[])" : "user_id = ANY($2::uuid[])")),
  ];
  const sql = parts.join("\nUNION ALL\n");
  return async function fingerprint(scope: { tenantIds: readonly string[]; userIds: readonly string[] }): Promise<Fingerprint> {
    // A named statement: planned once, not on every call of the fuzz loop.
    const result = await owner.query<{ name: string; digest: string }>({ name: "fuzz-fingerprint", text: sql, values: [scope.tenantIds, scope.userIds] });
    return new Map(result.rows.map((row) => [row.name, row.digest]));
  };
}

/**
 * Rows that change on their own, digested by id only (a row created or deleted still shows):
 * every request with a session cookie renews its session (last activity, expiry), refused or not;
 * a workspace export, once started, is advanced by its background job while later calls run.
 */
const CHANGES_ON_ITS_OWN = new Map([
  ["sessions", "r.id::text"],
  ["workspace_exports", "r.id::text"],
]);

/** The tables whose digest differs. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}
