import { describe, expect, it } from "vitest";
import type { CatalogTable, DistributionCatalog } from "./catalog.ts";
import { citusPlan } from "./citus-plan.ts";
import { distributionViolations, type Classification } from "./rules.ts";

/** The rules on small made-up catalogs: each kind of mistake a new migration could make is caught. */
const tenantTable = (name: string, extra: Partial<CatalogTable> = {}): CatalogTable => ({
  name, hasTenantId: true, tenantIdType: "uuid", primaryKey: ["tenant_id", "id"], otherTenantColumns: [], ...extra,
});
const globalTable = (name: string): CatalogTable => ({ name, hasTenantId: false, tenantIdType: null, primaryKey: ["id"], otherTenantColumns: [] });

const classification: Classification = {
  globalTables: { tenants: { placement: "reference", reason: "directory" }, sessions: { placement: "coordinator", reason: "sign-in" } },
  tenantReferenceTables: {},
  crossTenantColumns: { "visits_shared.partner_tenant_id": { feature: "sharing", reason: "shared with a partner", distributed: "dropped" } },
};

function schema(overrides: Partial<DistributionCatalog> = {}): DistributionCatalog {
  return {
    tables: [globalTable("tenants"), globalTable("sessions"), tenantTable("visits"), tenantTable("findings"), tenantTable("visits_shared", { otherTenantColumns: ["partner_tenant_id"] })],
    uniques: [{ table: "findings", name: "findings_tenant_id_visit_id_key", columns: ["tenant_id", "visit_id"], predicate: null }],
    foreignKeys: [
      { table: "visits", name: "visits_tenant_id_fkey", columns: ["tenant_id"], referencedTable: "tenants", referencedColumns: ["id"] },
      { table: "findings", name: "findings_visit_fkey", columns: ["tenant_id", "visit_id"], referencedTable: "visits", referencedColumns: ["tenant_id", "id"] },
    ],
    ...overrides,
  };
}

describe("distribution rules", () => {
  it("accept a schema keyed by tenant_id throughout", () => {
    expect(distributionViolations(schema(), classification)).toEqual([]);
  });

  it("refuse a new table that is neither a workspace table nor a named global table", () => {
    const catalog = schema({ tables: [...schema().tables, globalTable("feature_flags")] });
    expect(distributionViolations(catalog, classification)).toEqual(["feature_flags has no tenant_id and is not a named global table"]);
  });

  it("refuse a primary key, a unique key or a foreign key that does not start with tenant_id", () => {
    const base = schema();
    const catalog = schema({
      tables: base.tables.map((t) => (t.name === "visits" ? { ...t, primaryKey: ["id"] } : t)),
      uniques: [{ table: "findings", name: "findings_code_key", columns: ["code"], predicate: null }],
      foreignKeys: [...base.foreignKeys, { table: "findings", name: "findings_visit_id_fkey", columns: ["visit_id"], referencedTable: "visits", referencedColumns: ["id"] }],
    });
    expect(distributionViolations(catalog, classification)).toEqual([
      "visits's primary key (id) does not start with tenant_id",
      "findings's unique key findings_code_key (code) does not start with tenant_id",
      "findings.findings_visit_id_fkey (visit_id) -> visits (id) does not start with tenant_id on both sides and is no named cross-tenant link",
    ]);
  });

  it("refuse an unnamed link to another workspace, and a named one that no longer exists", () => {
    const tables = schema().tables.filter((t) => t.name !== "visits_shared");
    const catalog = schema({ tables: [...tables, tenantTable("notes", { otherTenantColumns: ["source_tenant_id"] })] });
    expect(distributionViolations(catalog, classification)).toEqual([
      "notes.source_tenant_id links to another workspace without a named reason",
      "cross-tenant link visits_shared.partner_tenant_id no longer exists",
    ]);
  });

  it("refuse a workspace table pointing at a coordinator table, and a global table pointing at a workspace table", () => {
    const catalog = schema({
      foreignKeys: [
        ...schema().foreignKeys,
        { table: "visits", name: "visits_session_fkey", columns: ["session_id"], referencedTable: "sessions", referencedColumns: ["id"] },
        { table: "tenants", name: "tenants_first_visit_fkey", columns: ["id", "first_visit_id"], referencedTable: "visits", referencedColumns: ["tenant_id", "id"] },
      ],
    });
    expect(distributionViolations(catalog, classification)).toEqual([
      "visits.visits_session_fkey (session_id) -> sessions (id): a distributed table cannot reference a coordinator table; make sessions a reference table",
      "tenants.tenants_first_visit_fkey (id, first_visit_id) -> visits (tenant_id, id): a reference table may only reference reference tables",
    ]);
  });

  it("plan referenced tables before the tables that reference them, colocated with the first", () => {
    const plan = citusPlan(schema(), classification);
    expect(plan).toContain("SELECT create_reference_table('tenants');");
    expect(plan).toContain("-- sessions stays a plain table on the coordinator: sign-in");
    const visits = plan.indexOf("SELECT create_distributed_table('visits', 'tenant_id');");
    const findings = plan.indexOf("SELECT create_distributed_table('findings', 'tenant_id', colocate_with => 'visits');");
    expect(visits).toBeGreaterThan(plan.indexOf("create_reference_table('tenants')"));
    expect(findings).toBeGreaterThan(visits);
  });
});
