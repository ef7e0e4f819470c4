import type { CatalogForeignKey, DistributionCatalog } from "./catalog.ts";
import { CROSS_TENANT_COLUMNS, GLOBAL_TABLES, TENANT_REFERENCE_TABLES } from "./classification.ts";

/** Where a table goes when the database is sharded by workspace. */
export type Placement = "distributed" | "reference" | "coordinator";

export type Classification = {
  globalTables: typeof GLOBAL_TABLES;
  tenantReferenceTables: typeof TENANT_REFERENCE_TABLES;
  crossTenantColumns: typeof CROSS_TENANT_COLUMNS;
};

export const VIGIL_CLASSIFICATION: Classification = {
  globalTables: GLOBAL_TABLES,
  tenantReferenceTables: TENANT_REFERENCE_TABLES,
  crossTenantColumns: CROSS_TENANT_COLUMNS,
};

export function placementOf(catalog: DistributionCatalog, table: string, classification: Classification = VIGIL_CLASSIFICATION): Placement | undefined {
  const entry = catalog.tables.find((t) => t.name === table);
  if (!entry) return undefined;
  if (!entry.hasTenantId) return classification.globalTables[table]?.placement;
  return table in classification.tenantReferenceTables ? "reference" : "distributed";
}

/**
 * A foreign key between two distributed tables that does not start with tenant_id on both sides:
 * a link to another workspace's row. Allowed only when its first column is a named cross-tenant link.
 */
export function crossTenantForeignKeys(catalog: DistributionCatalog, classification: Classification = VIGIL_CLASSIFICATION): CatalogForeignKey[] {
  return catalog.foreignKeys.filter(
    (fk) =>
      placementOf(catalog, fk.table, classification) === "distributed" &&
      placementOf(catalog, fk.referencedTable, classification) === "distributed" &&
      !(fk.columns[0] === "tenant_id" && fk.referencedColumns[0] === "tenant_id"),
  );
}

/**
 * Every way the schema would stop being distributable by tenant_id, as readable sentences (empty
 * when it is). Rules: a table is a tenant table (tenant_id) or a named global table; a distributed
 * table has tenant_id (uuid) first in its primary key, its unique keys and its foreign keys to other
 * distributed tables; links to other workspaces are named; reference and coordinator tables never
 * point at a distributed table.
 */
export function distributionViolations(catalog: DistributionCatalog, classification: Classification = VIGIL_CLASSIFICATION): string[] {
  const problems: string[] = [];
  const tables = new Map(catalog.tables.map((t) => [t.name, t]));
  const placement = (table: string) => placementOf(catalog, table, classification);

  for (const table of catalog.tables) {
    if (!table.hasTenantId) {
      if (!classification.globalTables[table.name]) problems.push(`${table.name} has no tenant_id and is not a named global table`);
      continue;
    }
    if (classification.globalTables[table.name]) problems.push(`${table.name} is listed as a global table but has a tenant_id`);
    if (table.tenantIdType !== "uuid") problems.push(`${table.name}.tenant_id is ${table.tenantIdType}, not uuid (colocation needs one type)`);
    if (table.primaryKey[0] !== "tenant_id") problems.push(`${table.name}'s primary key (${table.primaryKey.join(", ")}) does not start with tenant_id`);
    if (table.name in classification.tenantReferenceTables && table.primaryKey.join() !== "tenant_id") {
      problems.push(`${table.name} is a reference table with a tenant_id, so it must hold one row per workspace (primary key tenant_id)`);
    }
    for (const column of table.otherTenantColumns) {
      if (!classification.crossTenantColumns[`${table.name}.${column}`]) problems.push(`${table.name}.${column} links to another workspace without a named reason`);
    }
  }
  for (const name of Object.keys(classification.globalTables)) if (!tables.has(name)) problems.push(`global table ${name} no longer exists`);
  for (const name of Object.keys(classification.tenantReferenceTables)) if (!tables.get(name)?.hasTenantId) problems.push(`tenant reference table ${name} does not exist or has no tenant_id`);
  for (const key of Object.keys(classification.crossTenantColumns)) {
    const [table, column] = key.split(".") as [string, string];
    if (!tables.get(table)?.otherTenantColumns.includes(column)) problems.push(`cross-tenant link ${key} no longer exists`);
  }

  for (const unique of catalog.uniques) {
    if (placement(unique.table) === "distributed" && unique.columns[0] !== "tenant_id") {
      problems.push(`${unique.table}'s unique key ${unique.name} (${unique.columns.join(", ")}) does not start with tenant_id`);
    }
  }

  const crossTenant = new Set(crossTenantForeignKeys(catalog, classification));
  for (const fk of catalog.foreignKeys) {
    const from = placement(fk.table);
    const to = placement(fk.referencedTable);
    const label = `${fk.table}.${fk.name} (${fk.columns.join(", ")}) -> ${fk.referencedTable} (${fk.referencedColumns.join(", ")})`;
    if (crossTenant.has(fk) && !classification.crossTenantColumns[`${fk.table}.${fk.columns[0]}`]) {
      problems.push(`${label} does not start with tenant_id on both sides and is no named cross-tenant link`);
    }
    // A distributed row may point at a reference table, but a tenant table's column other than
    // tenant_id that points at tenants is a link to another workspace and must be named.
    if (from === "distributed" && fk.referencedTable === "tenants" && fk.columns.join() !== "tenant_id" && !classification.crossTenantColumns[`${fk.table}.${fk.columns[0]}`]) {
      problems.push(`${label} points at another workspace without a named reason`);
    }
    if (from === "distributed" && to === "coordinator") problems.push(`${label}: a distributed table cannot reference a coordinator table; make ${fk.referencedTable} a reference table`);
    if (from === "reference" && to !== "reference") problems.push(`${label}: a reference table may only reference reference tables`);
    if (from === "coordinator" && to === "distributed") problems.push(`${label}: a coordinator table cannot reference a distributed table`);
  }
  return problems;
}
