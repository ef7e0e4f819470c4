import type pg from "pg";

/**
 * What distributing the schema by tenant depends on, read from PostgreSQL's own catalog (never from
 * a list kept by hand): every table of the public schema, its primary key, its unique indexes
 * (constraints included) and its foreign keys, with columns in key order.
 */
export type CatalogTable = {
  name: string;
  hasTenantId: boolean;
  tenantIdType: string | null;
  primaryKey: string[];
  /** Columns other than tenant_id that hold a workspace's id (partner_tenant_id, ...): links across workspaces. */
  otherTenantColumns: string[];
};
type CatalogUnique = { table: string; name: string; columns: string[]; predicate: string | null };
export type CatalogForeignKey = { table: string; name: string; columns: string[]; referencedTable: string; referencedColumns: string[] };
export type DistributionCatalog = { tables: CatalogTable[]; uniques: CatalogUnique[]; foreignKeys: CatalogForeignKey[] };

// Ordinary and partitioned tables of the public schema; the pg-boss schema is not Vigil's data.
const TABLES = `
  SELECT c.oid, c.relname AS name FROM pg_class c
   WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')`;

export async function readDistributionCatalog(db: pg.Client | pg.Pool): Promise<DistributionCatalog> {
  const tables = await db.query<CatalogTable>(`
    WITH t AS (${TABLES})
    SELECT t.name,
           tenant.atttypid IS NOT NULL AS "hasTenantId",
           format_type(tenant.atttypid, tenant.atttypmod) AS "tenantIdType",
           COALESCE((SELECT array_agg(a.attname::text ORDER BY k.ord)
                       FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
                       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                      WHERE i.indrelid = t.oid AND i.indisprimary), '{}') AS "primaryKey",
           COALESCE((SELECT array_agg(a.attname::text ORDER BY a.attname) FROM pg_attribute a
                      WHERE a.attrelid = t.oid AND a.attname ~ '.tenant_id$'
                        AND a.attnum > 0 AND NOT a.attisdropped), '{}') AS "otherTenantColumns"
      FROM t
      LEFT JOIN pg_attribute tenant ON tenant.attrelid = t.oid AND tenant.attname = 'tenant_id' AND NOT tenant.attisdropped
     ORDER BY t.name`);
  // Unique indexes cover UNIQUE constraints and CREATE UNIQUE INDEX alike; an expression column
  // (attnum 0) is shown as its expression so it can never pass for tenant_id.
  const uniques = await db.query<CatalogUnique>(`
    WITH t AS (${TABLES})
    SELECT t.name AS table, ic.relname AS name,
           array_agg(COALESCE(a.attname::text, pg_get_indexdef(i.indexrelid, k.ord::int, true)) ORDER BY k.ord) AS columns,
           pg_get_expr(i.indpred, i.indrelid) AS predicate
      FROM t JOIN pg_index i ON i.indrelid = t.oid AND i.indisunique AND NOT i.indisprimary
      JOIN pg_class ic ON ic.oid = i.indexrelid
      CROSS JOIN LATERAL unnest(i.indkey[0:i.indnkeyatts - 1]) WITH ORDINALITY AS k(attnum, ord)
      LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum AND k.attnum <> 0
     GROUP BY t.name, ic.relname, i.indexrelid, i.indpred, i.indrelid
     ORDER BY t.name, ic.relname`);
  const foreignKeys = await db.query<CatalogForeignKey>(`
    WITH t AS (${TABLES})
    SELECT t.name AS table, c.conname AS name,
           (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
           (SELECT r.relname::text FROM pg_class r WHERE r.oid = c.confrelid) AS "referencedTable",
           (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS "referencedColumns"
      FROM t JOIN pg_constraint c ON c.conrelid = t.oid AND c.contype = 'f'
     ORDER BY t.name, c.conname`);
  return { tables: tables.rows, uniques: uniques.rows, foreignKeys: foreignKeys.rows };
}
