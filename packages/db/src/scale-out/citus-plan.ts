import type { DistributionCatalog } from "./catalog.ts";
import { crossTenantForeignKeys, placementOf, VIGIL_CLASSIFICATION, type Classification } from "./rules.ts";

/**
 * The Citus statements that would distribute the migrated schema by workspace, generated from the
 * catalog so the plan in infra/scale-out.md cannot drift from the tables (distribution.int.test.ts
 * compares the two). Tables come in foreign-key order, because Citus refuses a foreign key to a table
 * it does not manage yet.
 */
export function citusPlan(catalog: DistributionCatalog, classification: Classification = VIGIL_CLASSIFICATION): string {
  const placement = (table: string) => placementOf(catalog, table, classification);
  const dropped = crossTenantForeignKeys(catalog, classification);
  const kept = catalog.foreignKeys.filter((fk) => !dropped.includes(fk));
  const ordered = inForeignKeyOrder(
    catalog.tables.map((t) => t.name),
    kept.map((fk) => [fk.table, fk.referencedTable] as const),
  );
  const reference = ordered.filter((t) => placement(t) === "reference");
  const coordinator = ordered.filter((t) => placement(t) === "coordinator");
  const distributed = ordered.filter((t) => placement(t) === "distributed");
  const withForeignKeys = new Set(catalog.foreignKeys.map((fk) => fk.table));
  const anchor = distributed[0];

  const reason = (table: string) => classification.globalTables[table]?.reason ?? classification.tenantReferenceTables[table] ?? "";
  return [
    "-- Generated from the migrated schema's catalog by `pnpm --filter @vigil/db scale-out-plan`; do not edit by hand.",
    "-- Run on the coordinator, after the migrations, with the coordinator in the metadata",
    "-- (citus_set_coordinator_host) so that coordinator tables may reference reference tables.",
    "",
    "-- 1. Reference tables: one copy on every node.",
    ...reference.map((t) => `SELECT create_reference_table('${t}'); -- ${reason(t)}`),
    "",
    "-- 2. Coordinator tables: account and platform tables, never joined with a workspace's records.",
    ...coordinator.map((t) =>
      withForeignKeys.has(t) ? `SELECT citus_add_local_table_to_metadata('${t}'); -- ${reason(t)}` : `-- ${t} stays a plain table on the coordinator: ${reason(t)}`,
    ),
    "",
    "-- 3. Links to another workspace's row, by design: Citus keeps no foreign key between distributed",
    "--    tables unless both sides start with tenant_id, so these become the application's to keep.",
    ...dropped.map((fk) => {
      const link = classification.crossTenantColumns[`${fk.table}.${fk.columns[0]}`];
      return `ALTER TABLE ${fk.table} DROP CONSTRAINT ${fk.name}; -- ${link?.feature}: ${link?.distributed}`;
    }),
    "",
    `-- 4. Workspace tables, sharded by tenant_id and colocated with ${anchor}: one workspace's rows share a node.`,
    ...distributed.map((t) =>
      t === anchor ? `SELECT create_distributed_table('${t}', 'tenant_id');` : `SELECT create_distributed_table('${t}', 'tenant_id', colocate_with => '${anchor}');`,
    ),
    "",
  ].join("\n");
}

/** Referenced tables before the tables that reference them; ties (and self-references) by name. */
function inForeignKeyOrder(tables: string[], edges: ReadonlyArray<readonly [from: string, to: string]>): string[] {
  const pending = new Set([...tables].sort());
  const ordered: string[] = [];
  while (pending.size > 0) {
    const ready = [...pending].find((table) => edges.every(([from, to]) => from !== table || to === table || !pending.has(to)));
    // A cycle of foreign keys would leave no table ready; the rules reject nothing of the kind yet,
    // so fail loudly rather than print a plan Citus would refuse.
    if (!ready) throw new Error(`foreign keys form a cycle among ${[...pending].join(", ")}`);
    ordered.push(ready);
    pending.delete(ready);
  }
  return ordered;
}
