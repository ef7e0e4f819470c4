import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect } from "./testing/admin.ts";
import { createTenantRows, type TenantFixture } from "./testing/tenant-fixture.ts";

/**
 * The performance forms of the row-level-security policies (docs/decisions/0091 and 0120) and the
 * one-statement workspace entry of tenantProcedure, proven on the migrated database.
 */
let owner: pg.Client;
let app: pg.Client;
let a: TenantFixture;
let b: TenantFixture;

beforeAll(async () => {
  owner = await connect(process.env.DATABASE_OWNER_URL!);
  app = await connect(process.env.DATABASE_URL!);
  a = await createTenantRows(owner, "forms-a");
  b = await createTenantRows(owner, "forms-b");
});

afterAll(async () => {
  await owner.end();
  await app.end();
});

const slugOf = async (tenantId: string) => (await owner.query<{ slug: string }>("SELECT slug FROM tenants WHERE id = $1", [tenantId])).rows[0]!.slug;

/** enter_workspace in a transaction of the application role; returns its rows and the settings it left. */
async function enter(userId: string, slug: string) {
  await app.query("BEGIN");
  try {
    const rows = (await app.query("SELECT membership_id, role::text AS role, tenant_id, slug FROM enter_workspace($1::uuid, $2)", [userId, slug])).rows;
    const settings = (await app.query("SELECT current_tenant_id() AS tenant, current_user_id() AS \"user\"")).rows[0];
    const visibleTenants = (await app.query("SELECT id FROM tenants")).rows.map((row) => row.id);
    return { rows, settings, visibleTenants };
  } finally {
    await app.query("ROLLBACK");
  }
}

describe("row-level-security policy forms", () => {
  it("no policy compares a column with current_tenant_id() or current_joint_visit_id() once per row", async () => {
    const perRow = await owner.query<{ tablename: string; policyname: string }>(
      `SELECT tablename, policyname FROM pg_policies
        WHERE schemaname = 'public'
          AND (qual ~ '^\\(\\w+ = current_tenant_id\\(\\)\\)$' OR with_check ~ '^\\(\\w+ = current_tenant_id\\(\\)\\)$'
               OR replace(qual, '( SELECT current_joint_visit_id() AS current_joint_visit_id)', '') LIKE '%current_joint_visit_id()%'
               OR replace(with_check, '( SELECT current_joint_visit_id() AS current_joint_visit_id)', '') LIKE '%current_joint_visit_id()%')`,
    );
    expect(perRow.rows).toEqual([]);
    // The rewrite kept the policies: the tenant comparisons are there, in the InitPlan form.
    const once = await owner.query("SELECT 1 FROM pg_policies WHERE schemaname = 'public' AND qual = '(tenant_id = ( SELECT current_tenant_id() AS current_tenant_id))'");
    expect(once.rowCount).toBeGreaterThan(20);
  });
});

describe("enter_workspace", () => {
  it("finds the caller's membership by slug and narrows the transaction to that tenant", async () => {
    const { rows, settings, visibleTenants } = await enter(a.userId, await slugOf(a.tenantId));
    expect(rows).toEqual([{ membership_id: a.membershipId, role: "owner", tenant_id: a.tenantId, slug: await slugOf(a.tenantId) }]);
    expect(settings).toEqual({ tenant: a.tenantId, user: a.userId });
    expect(visibleTenants).toEqual([a.tenantId]);
  });

  it("for another workspace's slug returns nothing and enters no tenant", async () => {
    const { rows, settings, visibleTenants } = await enter(a.userId, await slugOf(b.tenantId));
    expect(rows).toEqual([]);
    expect(settings).toEqual({ tenant: null, user: a.userId });
    // Outside a tenant the user sees only the workspaces they belong to.
    expect(visibleTenants).toEqual([a.tenantId]);
  });

  it("for an unknown slug returns nothing and enters no tenant", async () => {
    const { rows, settings } = await enter(b.userId, "no-such-workspace");
    expect(rows).toEqual([]);
    expect(settings).toEqual({ tenant: null, user: b.userId });
  });

  it("is not callable by PUBLIC, only by the application role", async () => {
    const grants = await owner.query<{ grantee: string }>(
      "SELECT grantee FROM information_schema.routine_privileges WHERE routine_schema = 'public' AND routine_name = 'enter_workspace' AND privilege_type = 'EXECUTE' ORDER BY grantee",
    );
    expect(grants.rows.map((row) => row.grantee)).not.toContain("PUBLIC");
    expect(grants.rows.map((row) => row.grantee)).toContain("vigil_app");
  });
});

describe("SECURITY DEFINER functions", () => {
  it("every one keeps pg_temp last on its search path and is executable by no one but the roles granted it", async () => {
    const functions = await owner.query<{ signature: string; config: string[] | null; public_can: boolean; app_can: boolean }>(`
      SELECT p.oid::regprocedure::text AS signature, p.proconfig AS config,
             has_function_privilege('public', p.oid, 'EXECUTE') AS public_can,
             has_function_privilege('vigil_app', p.oid, 'EXECUTE') AS app_can
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname = 'public' AND p.prosecdef ORDER BY 1`);
    expect(functions.rows.length).toBeGreaterThan(5);
    const careless = functions.rows.filter((f) => f.public_can || !(f.config ?? []).includes("search_path=public, pg_temp"));
    expect(careless.map((f) => f.signature)).toEqual([]);
    // The application still calls every one of them (policies and services do).
    expect(functions.rows.filter((f) => !f.app_can).map((f) => f.signature)).toEqual([]);
  });

  it("the forum directory answers only a member of the current workspace", async () => {
    const directory = async (tenantId: string, userId: string) => {
      await app.query("BEGIN");
      try {
        await app.query("SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true)", [tenantId, userId]);
        return (await app.query("SELECT id FROM forum_workspace_directory()")).rowCount;
      } finally {
        await app.query("ROLLBACK");
      }
    };
    expect(await directory(a.tenantId, a.userId)).toBeGreaterThan(1);
    // A tenant setting without a membership of it (b's user inside a's workspace) lists nothing.
    expect(await directory(a.tenantId, b.userId)).toBe(0);
  });
});
