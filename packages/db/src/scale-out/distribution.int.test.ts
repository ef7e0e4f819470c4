import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "../testing/admin.ts";
import { readDistributionCatalog, type DistributionCatalog } from "./catalog.ts";
import { citusPlan } from "./citus-plan.ts";
import { GLOBAL_TABLES } from "./classification.ts";
import { readCommittedPlan } from "./plan-file.ts";
import { crossTenantForeignKeys, distributionViolations, placementOf } from "./rules.ts";

/**
 * Distribution by tenant, checked on the migrated schema the tests use (issue 19 section 5;
 * decision 0245): the schema can be sharded by tenant_id unchanged, and the Citus plan committed in
 * infra/scale-out.md is the one this catalog produces today.
 */
let owner: pg.Client;
let catalog: DistributionCatalog;

beforeAll(async () => {
  owner = await connect(process.env.DATABASE_OWNER_URL!);
  catalog = await readDistributionCatalog(owner);
});

afterAll(() => owner.end());

describe("distribution by tenant", () => {
  it("reads every table of the migrated schema, the workspace tables among them", () => {
    const names = catalog.tables.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(["tenants", "users", "memberships", "visits", "interviews", "recommendations", "forums"]));
    expect(catalog.tables.filter((t) => t.hasTenantId).length).toBeGreaterThan(30);
  });

  it("breaks no rule: tenant_id first in every primary key, unique key and foreign key of a workspace table; every other table named", () => {
    expect(distributionViolations(catalog)).toEqual([]);
  });

  it("names exactly these global tables, with where each goes", () => {
    const global = catalog.tables.filter((t) => !t.hasTenantId).map((t) => t.name).sort();
    expect(global).toEqual(Object.keys(GLOBAL_TABLES).sort());
    expect(global.filter((t) => placementOf(catalog, t) === "reference")).toEqual(["tenants", "users"]);
  });

  it("has exactly the cross-workspace foreign keys the sharing features need, each named", () => {
    expect(crossTenantForeignKeys(catalog).map((fk) => `${fk.table}.${fk.columns.join("+")}`).sort()).toEqual([
      "forum_documents.forum_tenant_id+forum_id",
      "library_publications.forum_tenant_id+forum_id",
      "public_joint_mentions.host_tenant_id+visit_id+tenant_id",
      "public_posts.forum_tenant_id+forum_id",
    ]);
  });

  it("the committed plan in infra/scale-out.md is the one the catalog produces now", async () => {
    // On failure: `pnpm --filter @vigil/db scale-out-plan` rewrites the block; review the diff.
    expect(await readCommittedPlan()).toBe(citusPlan(catalog));
  });
});
