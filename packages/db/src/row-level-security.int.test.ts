import { randomUUID } from "node:crypto";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asTenant, connect } from "./testing/admin.ts";

/**
 * The database lock, tested with the application's own role: whatever the application code does,
 * tenant A's transaction cannot see or change tenant B's rows in any tenant-owned table.
 */
let owner: pg.Client;
let app: pg.Client;

type Fixture = { tenantId: string; userId: string; membershipId: string; invitationId: string; auditId: string };

async function createTenantRows(label: string): Promise<Fixture> {
  const tenantId = randomUUID();
  const suffix = randomUUID().slice(0, 8);
  const user = await owner.query<{ id: string }>("INSERT INTO users (email, name, password_hash) VALUES ($1, $2, 'x') RETURNING id", [`${label}-${suffix}@example.org`, label]);
  const userId = user.rows[0]!.id;
  await owner.query("INSERT INTO tenants (id, slug, name, country_code, default_locale) VALUES ($1, $2, $3, 'RS', 'en')", [tenantId, `${label}-${suffix}`, label]);
  const membership = await owner.query<{ id: string }>("INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, 'owner') RETURNING id", [tenantId, userId]);
  const invitation = await owner.query<{ id: string }>(
    "INSERT INTO invitations (tenant_id, email, role, token_hash, expires_at) VALUES ($1, $2, 'monitor', $3, now() + interval '1 day') RETURNING id",
    [tenantId, `invitee-${suffix}@example.org`, Buffer.from(randomUUID())],
  );
  const audit = await owner.query<{ id: string }>("INSERT INTO audit_events (tenant_id, action, target_type) VALUES ($1, 'test', 'tenant') RETURNING id", [tenantId]);
  await owner.query("INSERT INTO workspace_exports (tenant_id) VALUES ($1)", [tenantId]);
  return { tenantId, userId, membershipId: membership.rows[0]!.id, invitationId: invitation.rows[0]!.id, auditId: audit.rows[0]!.id };
}

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

let a: Fixture;
let b: Fixture;

beforeAll(async () => {
  owner = await connect(process.env.DATABASE_OWNER_URL!);
  app = await connect(process.env.DATABASE_URL!);
  a = await createTenantRows("tenant-a");
  b = await createTenantRows("tenant-b");
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
    await asTenant(app, a.tenantId, async () => {
      for (const table of await tenantOwnedTables()) {
        const all = await app.query<{ tenant_id: string }>(`SELECT tenant_id FROM ${table}`);
        expect(all.rows.length, table).toBeGreaterThan(0);
        expect(new Set(all.rows.map((row) => row.tenant_id)), table).toEqual(new Set([a.tenantId]));
      }
      expect((await app.query("SELECT 1 FROM tenants WHERE id = $1", [b.tenantId])).rowCount).toBe(0);
      expect((await app.query("SELECT 1 FROM memberships WHERE tenant_id = $1 AND id = $2", [b.tenantId, b.membershipId])).rowCount).toBe(0);
      expect((await app.query("SELECT 1 FROM invitations WHERE id = $1", [b.invitationId])).rowCount).toBe(0);
      expect((await app.query("SELECT 1 FROM audit_events WHERE id = $1", [b.auditId])).rowCount).toBe(0);
    });
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

  it.each([
    ["memberships", "INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, 'admin')"],
    ["invitations", "INSERT INTO invitations (tenant_id, email, role, token_hash, expires_at) VALUES ($1, 'x-' || $2 || '@example.org', 'admin', decode(md5(random()::text), 'hex'), now())"],
    ["audit_events", "INSERT INTO audit_events (tenant_id, action, target_type, actor_id) VALUES ($1, 'forged', 'tenant', $2)"],
  ])("tenant A cannot insert rows into tenant B (%s)", async (_table, sql) => {
    await asTenant(app, a.tenantId, async () => {
      await expect(app.query(sql, [b.tenantId, a.userId])).rejects.toThrow(/row-level security/);
    });
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
