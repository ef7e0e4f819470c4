import { randomBytes, randomUUID } from "node:crypto";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asTenant, connect } from "./testing/admin.ts";
import { createTenantRows, type TenantFixture } from "./testing/tenant-fixture.ts";

/**
 * The account tables under row-level security (docs/decisions/0160), proven with the application's
 * own role: no user set sees no account row; a user sees only their own; the definer look-ups
 * return one row by its key and only the columns they name; other people's profiles are visible
 * only to a workspace that legitimately sees them.
 */
let owner: pg.Client;
let app: pg.Client;
let a: TenantFixture;
let b: TenantFixture;
const sessionIds = new Map<string, string>();
const tokenHashes = new Map<string, Buffer>();

/** users, and every table with a user_id column but no tenant_id (read from the catalog, so a new one is covered). */
async function accountTables(): Promise<string[]> {
  const result = await owner.query<{ table_name: string }>(`
    SELECT t.table_name FROM information_schema.tables t
     WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'
       AND EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_schema = 'public' AND c.table_name = t.table_name AND c.column_name = 'user_id')
       AND NOT EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_schema = 'public' AND c.table_name = t.table_name AND c.column_name = 'tenant_id')
     ORDER BY 1`);
  return ["users", ...result.rows.map((row) => row.table_name)];
}

/** One row in every account table for the user, written as the owner. */
async function createAccountRows(userId: string) {
  const sessionId = randomUUID();
  const tokenHash = randomBytes(32);
  sessionIds.set(userId, sessionId);
  tokenHashes.set(userId, tokenHash);
  await owner.query("INSERT INTO sessions (id, user_id, secret_hash) VALUES ($1, $2, $3)", [sessionId, userId, randomBytes(32)]);
  await owner.query("INSERT INTO user_two_factor (user_id, totp_secret) VALUES ($1, $2)", [userId, randomBytes(20)]);
  await owner.query("INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)", [userId, randomBytes(32)]);
  await owner.query("INSERT INTO pending_sign_ins (id, user_id, secret_hash, expires_at) VALUES ($1, $2, $3, now() + interval '10 minutes')", [randomUUID(), userId, randomBytes(32)]);
  await owner.query(
    "INSERT INTO account_tokens (token_hash, user_id, purpose, email, expires_at) SELECT $1, id, 'password_reset', email, now() + interval '1 hour' FROM users WHERE id = $2",
    [tokenHash, userId],
  );
  await owner.query("INSERT INTO known_devices (user_id, device_hash) VALUES ($1, $2)", [userId, randomBytes(32)]);
}

const emailOf = async (userId: string) => (await owner.query<{ email: string }>("SELECT email FROM users WHERE id = $1", [userId])).rows[0]!.email;

async function newUser(label: string): Promise<string> {
  const result = await owner.query<{ id: string }>("INSERT INTO users (email, name, password_hash) VALUES ($1, $2, 'hash') RETURNING id", [`${label}-${randomUUID().slice(0, 8)}@example.org`, label]);
  return result.rows[0]!.id;
}

/** The user ids the application role can read in users, in a transaction scoped as given. */
const visibleUsers = (tenantId: string | null, userId: string | null, among: string[]) =>
  asTenant(app, tenantId, async () => (await app.query<{ id: string }>("SELECT id FROM users WHERE id = ANY($1::uuid[]) ORDER BY id", [among])).rows.map((row) => row.id), userId);

beforeAll(async () => {
  owner = await connect(process.env.DATABASE_OWNER_URL!);
  app = await connect(process.env.DATABASE_URL!);
  a = await createTenantRows(owner, "account-a");
  b = await createTenantRows(owner, "account-b");
  await createAccountRows(a.userId);
  await createAccountRows(b.userId);
});

afterAll(async () => {
  await owner.end();
  await app.end();
});

describe("account tables", () => {
  it("are all under row-level security, enabled and forced, with a policy", async () => {
    const tables = await accountTables();
    expect(tables).toEqual(expect.arrayContaining(["users", "sessions", "user_two_factor", "recovery_codes", "pending_sign_ins", "account_tokens", "known_devices"]));
    for (const table of tables) {
      const flags = await owner.query("SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE oid = $1::regclass", [`public.${table}`]);
      expect(flags.rows[0], table).toEqual({ relrowsecurity: true, relforcerowsecurity: true });
      const policies = await owner.query("SELECT 1 FROM pg_policies WHERE schemaname = 'public' AND tablename = $1", [table]);
      expect(policies.rowCount, `${table} has no policy`).toBeGreaterThan(0);
    }
  });

  it("with no user and no tenant set, the application sees no row of any of them", async () => {
    await asTenant(app, null, async () => {
      for (const table of await accountTables()) {
        expect((await app.query(`SELECT 1 FROM ${table}`)).rowCount, table).toBe(0);
      }
    });
  });

  it("user A sees A's own rows and none of B's, even by id", async () => {
    await asTenant(
      app,
      null,
      async () => {
        for (const table of await accountTables()) {
          const column = table === "users" ? "id" : "user_id";
          const rows = await app.query<{ owner: string }>(`SELECT ${column} AS owner FROM ${table}`);
          expect(rows.rowCount, table).toBeGreaterThan(0);
          expect(new Set(rows.rows.map((row) => row.owner)), table).toEqual(new Set([a.userId]));
          expect((await app.query(`SELECT 1 FROM ${table} WHERE ${column} = $1`, [b.userId])).rowCount, table).toBe(0);
        }
      },
      a.userId,
    );
  });

  it("user A cannot change, delete or create B's rows", async () => {
    await asTenant(
      app,
      null,
      async () => {
        expect((await app.query("UPDATE users SET name = 'taken over', password_hash = 'x' WHERE id = $1", [b.userId])).rowCount).toBe(0);
        expect((await app.query("DELETE FROM sessions WHERE user_id = $1", [b.userId])).rowCount).toBe(0);
        expect((await app.query("UPDATE user_two_factor SET totp_secret = '\\x00' WHERE user_id = $1", [b.userId])).rowCount).toBe(0);
        await app.query("SAVEPOINT before_insert");
        await expect(app.query("INSERT INTO sessions (id, user_id, secret_hash) VALUES ($1, $2, '\\x00')", [randomUUID(), b.userId])).rejects.toThrow(/row-level security/);
        await app.query("ROLLBACK TO SAVEPOINT before_insert");
        await expect(app.query("INSERT INTO users (email, name, password_hash) VALUES ($1, 'x', 'x')", [`new-${randomUUID()}@example.org`])).rejects.toThrow(/row-level security/);
      },
      a.userId,
    );
    expect((await owner.query("SELECT name FROM users WHERE id = $1", [b.userId])).rows[0]!.name).toBe("account-b");
  });
});

describe("look-ups before sign-in (SECURITY DEFINER)", () => {
  it("sign_in_candidate answers one exact address with the id and the hash only", async () => {
    await asTenant(app, null, async () => {
      const found = await app.query("SELECT * FROM sign_in_candidate($1)", [await emailOf(a.userId)]);
      expect(found.rows).toEqual([{ id: a.userId, password_hash: "x" }]);
      expect((await app.query("SELECT * FROM sign_in_candidate($1)", ["%"])).rowCount).toBe(0);
      expect((await app.query("SELECT * FROM sign_in_candidate($1)", [(await emailOf(a.userId)).toUpperCase()])).rowCount).toBe(0);
    });
  });

  it("session_with_user and pending_sign_in_by_id answer only the id asked for", async () => {
    await asTenant(app, null, async () => {
      const session = await app.query("SELECT id, user_id, email, two_factor_enabled FROM session_with_user($1)", [sessionIds.get(a.userId)]);
      expect(session.rows).toEqual([{ id: sessionIds.get(a.userId), user_id: a.userId, email: await emailOf(a.userId), two_factor_enabled: false }]);
      expect((await app.query("SELECT * FROM session_with_user($1)", ["%"])).rowCount).toBe(0);
      expect((await app.query("SELECT * FROM pending_sign_in_by_id($1)", ["%"])).rowCount).toBe(0);
    });
  });

  it("account_token_by_hash needs the hash and the right purpose", async () => {
    await asTenant(app, null, async () => {
      const hash = tokenHashes.get(b.userId)!;
      const found = await app.query("SELECT user_id, email, account_email FROM account_token_by_hash($1, 'password_reset')", [hash]);
      expect(found.rows).toEqual([{ user_id: b.userId, email: await emailOf(b.userId), account_email: await emailOf(b.userId) }]);
      expect((await app.query("SELECT * FROM account_token_by_hash($1, 'email_verification')", [hash])).rowCount).toBe(0);
      expect((await app.query("SELECT * FROM account_token_by_hash($1, 'password_reset')", [randomBytes(32)])).rowCount).toBe(0);
    });
  });

  it("account_email_unverified answers only a member of the current workspace", async () => {
    const email = await emailOf(b.userId);
    expect(await asTenant(app, a.tenantId, async () => (await app.query("SELECT account_email_unverified($1) AS yes", [email])).rows[0].yes, a.userId)).toBe(true);
    expect(await asTenant(app, a.tenantId, async () => (await app.query("SELECT account_email_unverified($1) AS yes", [email])).rows[0].yes, b.userId)).toBe(false);
    expect(await asTenant(app, null, async () => (await app.query("SELECT account_email_unverified($1) AS yes", [email])).rows[0].yes)).toBe(false);
  });
});

describe("the people a workspace sees", () => {
  it("inside a workspace: its members and former members who acted in it; nobody else's", async () => {
    const colleague = await newUser("colleague");
    const former = await newUser("former");
    await owner.query("INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, 'monitor')", [a.tenantId, colleague]);
    await owner.query("INSERT INTO audit_events (tenant_id, actor_id, action, target_type) VALUES ($1, $2, 'visit.created', 'visit')", [a.tenantId, former]);
    const people = [a.userId, b.userId, colleague, former];
    expect(await visibleUsers(a.tenantId, a.userId, people)).toEqual([a.userId, colleague, former].sort());
    // A background job of the workspace (tenant, no user) addresses the same members.
    expect(await visibleUsers(a.tenantId, null, people)).toEqual([a.userId, colleague, former].sort());
    // Outside any workspace, only oneself.
    expect(await visibleUsers(null, colleague, people)).toEqual([colleague]);
  });

  it("across workspaces only once a partner has accepted a joint visit, and only for a member", async () => {
    const host = await createTenantRows(owner, "account-host");
    const partner = await createTenantRows(owner, "account-partner");
    const visitId = (await owner.query<{ id: string }>("SELECT id FROM visits WHERE tenant_id = $1 LIMIT 1", [host.tenantId])).rows[0]!.id;
    await owner.query("INSERT INTO visit_partners (tenant_id, visit_id, partner_tenant_id) VALUES ($1, $2, $3)", [host.tenantId, visitId, partner.tenantId]);
    const pair = [host.userId, partner.userId];
    // Invited only: the host learns nothing of the partner's people, nor the partner of the host's.
    expect(await visibleUsers(host.tenantId, host.userId, pair)).toEqual([host.userId]);
    expect(await visibleUsers(partner.tenantId, partner.userId, pair)).toEqual([partner.userId]);

    await owner.query("UPDATE visit_partners SET status = 'accepted', responded_at = now() WHERE partner_tenant_id = $1", [partner.tenantId]);
    expect(await visibleUsers(host.tenantId, host.userId, pair)).toEqual([...pair].sort());
    expect(await visibleUsers(partner.tenantId, partner.userId, pair)).toEqual([...pair].sort());
    // Not to someone who only sets the workspace without belonging to it, nor to a third workspace.
    expect(await visibleUsers(host.tenantId, a.userId, pair)).toEqual([host.userId]);
    expect(await visibleUsers(a.tenantId, a.userId, pair)).toEqual([]);
  });
});
