import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asTenant, connect } from "./testing/admin.ts";
import { createTenantRows, type TenantFixture } from "./testing/tenant-fixture.ts";

/**
 * The database lock, tested with the application's own role: whatever the application code does,
 * tenant A's transaction cannot see or change tenant B's rows in any tenant-owned table.
 */
let owner: pg.Client;
let app: pg.Client;

/** Every table with a tenant_id column, read from the catalog so a new table cannot be forgotten. */
async function tenantOwnedTables(): Promise<string[]> {
  const result = await owner.query<{ table_name: string }>(
    `SELECT c.table_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE'
      ORDER BY 1`,
  );
  return result.rows.map((row) => row.table_name);
}

/**
 * Rows another workspace deliberately made visible to every workspace (decision 0110): templates
 * published to the library. Excluded here only; the library tests prove who sees what.
 */
const SHARED_BY_DESIGN: Record<string, string> = {
  library_publications: "tenant_id <> current_tenant_id() AND forum_id IS NULL AND unpublished_at IS NULL",
  // A partner reads its own participation in another workspace's visit (partner_reads, migration
  // 20261220000000); the fixture makes each tenant a partner to mention that visit on its site.
  visit_partners: "tenant_id <> current_tenant_id() AND partner_tenant_id = current_tenant_id()",
};

let a: TenantFixture;
let b: TenantFixture;

beforeAll(async () => {
  owner = await connect(process.env.DATABASE_OWNER_URL!);
  app = await connect(process.env.DATABASE_URL!);
  a = await createTenantRows(owner, "tenant-a");
  b = await createTenantRows(owner, "tenant-b");
});

afterAll(async () => {
  await owner.end();
  await app.end();
});

describe("row-level security", () => {
  it("is enabled, forced and has a policy on every table with a tenant_id column (and on tenants)", async () => {
    const tables = [...(await tenantOwnedTables()), "tenants"];
    expect(tables).toEqual(expect.arrayContaining(["memberships", "invitations", "audit_events", "tenants"]));
    for (const table of tables) {
      const flags = await owner.query<{ relrowsecurity: boolean; relforcerowsecurity: boolean }>(
        "SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE oid = $1::regclass",
        [`public.${table}`],
      );
      expect(flags.rows[0], table).toEqual({ relrowsecurity: true, relforcerowsecurity: true });
      const policies = await owner.query("SELECT 1 FROM pg_policies WHERE schemaname = 'public' AND tablename = $1", [table]);
      expect(policies.rowCount, `${table} has no policy`).toBeGreaterThan(0);
    }
  });

  it("the application's role owns no table and cannot bypass row-level security", async () => {
    const role = await app.query<{ rolsuper: boolean; rolbypassrls: boolean }>("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user");
    expect(role.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
    const owned = await app.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user");
    expect(owned.rowCount).toBe(0);
  });

  it("without a tenant set, the application sees no tenant-owned row", async () => {
    await asTenant(app, null, async () => {
      for (const table of [...(await tenantOwnedTables()), "tenants"]) {
        const rows = await app.query(`SELECT 1 FROM ${table}`);
        expect(rows.rowCount, table).toBe(0);
      }
    });
  });

  it("tenant A sees its own rows and none of tenant B's, even by id", async () => {
    // As A's owner, who is also on A's visit team (interviews are need-to-know).
    await asTenant(app, a.tenantId, async () => {
      for (const table of await tenantOwnedTables()) {
        const all = await app.query<{ tenant_id: string }>(`SELECT tenant_id FROM ${table} WHERE NOT (${SHARED_BY_DESIGN[table] ?? "false"})`);
        expect(all.rows.length, table).toBeGreaterThan(0);
        expect(new Set(all.rows.map((row) => row.tenant_id)), table).toEqual(new Set([a.tenantId]));
      }
      expect((await app.query("SELECT 1 FROM tenants WHERE id = $1", [b.tenantId])).rowCount).toBe(0);
      expect((await app.query("SELECT 1 FROM memberships WHERE tenant_id = $1 AND id = $2", [b.tenantId, b.membershipId])).rowCount).toBe(0);
      expect((await app.query("SELECT 1 FROM invitations WHERE id = $1", [b.invitationId])).rowCount).toBe(0);
      expect((await app.query("SELECT 1 FROM audit_events WHERE id = $1", [b.auditId])).rowCount).toBe(0);
    }, a.userId);
  });

  it("tenant A cannot update or delete tenant B's rows", async () => {
    await asTenant(app, a.tenantId, async () => {
      expect((await app.query("UPDATE tenants SET name = 'taken' WHERE id = $1", [b.tenantId])).rowCount).toBe(0);
      expect((await app.query("UPDATE memberships SET role = 'viewer' WHERE id = $1", [b.membershipId])).rowCount).toBe(0);
      expect((await app.query("UPDATE invitations SET revoked_at = now() WHERE id = $1", [b.invitationId])).rowCount).toBe(0);
      expect((await app.query("DELETE FROM memberships WHERE id = $1", [b.membershipId])).rowCount).toBe(0);
      expect((await app.query("DELETE FROM invitations WHERE id = $1", [b.invitationId])).rowCount).toBe(0);
      expect((await app.query("DELETE FROM tenants WHERE id = $1", [b.tenantId])).rowCount).toBe(0);
    });
    const after = await owner.query("SELECT name FROM tenants WHERE id = $1", [b.tenantId]);
    expect(after.rows[0]).toEqual({ name: "tenant-b" });
    expect((await owner.query("SELECT role FROM memberships WHERE id = $1", [b.membershipId])).rows[0]).toEqual({ role: "owner" });
  });

  it("in every tenant-owned table, tenant A can neither update nor delete tenant B's rows", async () => {
    for (const table of await tenantOwnedTables()) {
      for (const sql of [`UPDATE ${table} SET tenant_id = tenant_id WHERE tenant_id = $1`, `DELETE FROM ${table} WHERE tenant_id = $1`]) {
        // Either RLS hides B's rows (0 rows touched) or the app has no such right on the table at all.
        const outcome = await asTenant(app, a.tenantId, () =>
          app.query(sql, [b.tenantId]).then(
            (result) => result.rowCount,
            (error: Error) => (/permission denied/.test(error.message) ? "denied" : error.message),
          ),
        );
        expect([0, "denied"], `${sql} -> ${outcome}`).toContain(outcome);
      }
    }
    const remaining = await owner.query("SELECT count(*)::int AS n FROM memberships WHERE tenant_id = $1", [b.tenantId]);
    expect(remaining.rows[0]).toEqual({ n: 1 });
  });

  it("in every tenant-owned table, tenant A cannot write a row into tenant B", async () => {
    for (const table of await tenantOwnedTables()) {
      // A copy of one of A's own rows, moved to tenant B: refused before any other constraint.
      const sql = `INSERT INTO ${table}
        SELECT (jsonb_populate_record(NULL::${table}, to_jsonb(r) || jsonb_build_object('tenant_id', $1::uuid, 'id', gen_random_uuid()))).*
          FROM ${table} r LIMIT 1`;
      const outcome = await asTenant(
        app,
        a.tenantId,
        () =>
          app.query(sql, [b.tenantId]).then(
            (result) => `inserted ${result.rowCount}`,
            (error: Error) => error.message,
          ),
        a.userId,
      );
      expect(outcome, table).toMatch(/row-level security|permission denied/);
    }
  });

  it.each([
    ["memberships", "INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, 'admin')"],
    ["invitations", "INSERT INTO invitations (tenant_id, email, role, token_hash, expires_at) VALUES ($1, 'x-' || $2 || '@example.org', 'admin', decode(md5(random()::text), 'hex'), now())"],
    ["audit_events", "INSERT INTO audit_events (tenant_id, action, target_type, actor_id) VALUES ($1, 'forged', 'tenant', $2)"],
  ])("tenant A cannot insert rows into tenant B (%s)", async (_table, sql) => {
    await asTenant(app, a.tenantId, async () => {
      await expect(app.query(sql, [b.tenantId, a.userId])).rejects.toThrow(/row-level security/);
    });
  });

  it("interviews are visible only to the visit's team and the workspace's owners and admins", async () => {
    const monitorId = (await owner.query<{ id: string }>("INSERT INTO users (email, name, password_hash) VALUES ($1, 'Monitor', 'x') RETURNING id", [`monitor-${a.tenantId}@example.org`])).rows[0]!.id;
    await owner.query("INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, 'monitor')", [a.tenantId, monitorId]);
    const visible = (userId: string) => asTenant(app, a.tenantId, async () => (await app.query("SELECT 1 FROM interviews")).rowCount, userId);
    expect(await visible(a.userId)).toBe(1);
    expect(await visible(monitorId)).toBe(0);

    const visit = await owner.query<{ visit_id: string }>("SELECT visit_id FROM interviews WHERE tenant_id = $1", [a.tenantId]);
    await owner.query("INSERT INTO visit_team_members (tenant_id, visit_id, user_id, visit_role) VALUES ($1, $2, $3, 'monitor')", [a.tenantId, visit.rows[0]!.visit_id, monitorId]);
    expect(await visible(monitorId)).toBe(1);
  });

  it("the audit log is append-only for the application", async () => {
    await asTenant(app, a.tenantId, async () => {
      await expect(app.query("UPDATE audit_events SET action = 'edited' WHERE id = $1", [a.auditId])).rejects.toThrow(/permission denied/);
    });
    await asTenant(app, a.tenantId, async () => {
      await expect(app.query("DELETE FROM audit_events WHERE id = $1", [a.auditId])).rejects.toThrow(/permission denied/);
    });
  });

  it("a signed-in user sees their own memberships in every tenant only while no tenant is chosen", async () => {
    // A person who belongs to both A and B.
    await owner.query("INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, 'viewer')", [b.tenantId, a.userId]);
    const ownTenants = await asTenant(app, null, () => app.query<{ tenant_id: string }>("SELECT tenant_id FROM memberships ORDER BY tenant_id"), a.userId);
    expect(ownTenants.rows.map((row) => row.tenant_id).sort()).toEqual([a.tenantId, b.tenantId].sort());
    const switcher = await asTenant(app, null, () => app.query("SELECT id FROM tenants"), a.userId);
    expect(switcher.rowCount).toBe(2);

    // Inside tenant A, B's rows stay invisible, the user's own B membership included.
    await asTenant(
      app,
      a.tenantId,
      async () => {
        const rows = await app.query<{ tenant_id: string }>("SELECT tenant_id FROM memberships");
        expect(new Set(rows.rows.map((row) => row.tenant_id))).toEqual(new Set([a.tenantId]));
        expect((await app.query("SELECT id FROM tenants")).rows).toEqual([{ id: a.tenantId }]);
      },
      a.userId,
    );
  });

  it("a tenant setting does not survive its transaction on a pooled connection", async () => {
    await asTenant(app, a.tenantId, async () => {
      expect((await app.query("SELECT current_tenant_id() AS id")).rows[0]).toEqual({ id: a.tenantId });
    });
    expect((await app.query("SELECT current_tenant_id() AS id")).rows[0]).toEqual({ id: null });
  });
});
