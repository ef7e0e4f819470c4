import { randomUUID } from "node:crypto";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asTenant, connect } from "./testing/admin.ts";

/**
 * Who manages a visit's team, the database lock (docs/decisions/0147-who-manages-a-visit-team.md):
 * a team row opens the visit's interviews (interview_need_to_know), so the trigger
 * visit_team_managers refuses, as the application's own role, every team change that the user of
 * the transaction may not make, whatever the application asked for.
 */
let owner: pg.Client;
let app: pg.Client;
let tenantId: string;
let placeId: string;
const users: Record<"owner" | "coordinator" | "lead" | "member" | "outsider" | "viewer", string> = {} as never;

async function one(sql: string, params: unknown[]): Promise<string> {
  return (await owner.query<{ id: string }>(`${sql} RETURNING id`, params)).rows[0]!.id;
}

/** A visit led by `lead` with `member` on it, and one interview. */
async function visit(): Promise<{ visitId: string; leadRow: string; memberRow: string }> {
  const visitId = await one("INSERT INTO visits (tenant_id, place_id, type, planned_start, planned_end) VALUES ($1, $2, 'ad_hoc', '2026-05-04', '2026-05-04')", [tenantId, placeId]);
  const leadRow = await one("INSERT INTO visit_team_members (tenant_id, visit_id, user_id, visit_role) VALUES ($1, $2, $3, 'lead')", [tenantId, visitId, users.lead]);
  const memberRow = await one("INSERT INTO visit_team_members (tenant_id, visit_id, user_id, visit_role) VALUES ($1, $2, $3, 'monitor')", [tenantId, visitId, users.member]);
  await owner.query("INSERT INTO interviews (tenant_id, visit_id, pseudonym, category, consent_given) VALUES ($1, $2, 'D-1', 'detainee', true)", [tenantId, visitId]);
  return { visitId, leadRow, memberRow };
}

/** The SQLSTATE the application's role gets for `sql` as `userId` (rolled back either way), or "ok". */
async function outcome(userId: string | null, sql: string, params: unknown[]): Promise<string> {
  return asTenant(app, tenantId, () => app.query(sql, params).then(() => "ok", (error: { code?: string }) => error.code ?? "error"), userId);
}

const ADD = "INSERT INTO visit_team_members (tenant_id, visit_id, user_id, visit_role) VALUES ($1, $2, $3, $4::visit_role)";
const REMOVE = "DELETE FROM visit_team_members WHERE tenant_id = $1 AND id = $2";
const REROLE = "UPDATE visit_team_members SET visit_role = $3::visit_role WHERE tenant_id = $1 AND id = $2";

beforeAll(async () => {
  owner = await connect(process.env.DATABASE_OWNER_URL!);
  app = await connect(process.env.DATABASE_URL!);
  tenantId = randomUUID();
  const suffix = randomUUID().slice(0, 8);
  await owner.query("INSERT INTO tenants (id, slug, name, country_code, default_locale) VALUES ($1, $2, 'Team', 'RS', 'en')", [tenantId, `team-${suffix}`]);
  const roles = { owner: "owner", coordinator: "coordinator", lead: "monitor", member: "monitor", outsider: "monitor", viewer: "viewer" } as const;
  for (const [name, role] of Object.entries(roles)) {
    const id = await one("INSERT INTO users (email, name, password_hash) VALUES ($1, $2, 'x')", [`${name}-${suffix}@example.org`, name]);
    await owner.query("INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, $3::member_role)", [tenantId, id, role]);
    users[name as keyof typeof users] = id;
  }
  placeId = await one("INSERT INTO places (tenant_id, name, type) VALUES ($1, 'Police Station Kruševac', 'police_custody')", [tenantId]);
});

afterAll(async () => {
  await owner.end();
  await app.end();
});

describe("visit team changes as the application's role", () => {
  it("a monitor not on the visit cannot add themselves, nor remove the lead or a member", async () => {
    const { visitId, leadRow, memberRow } = await visit();
    expect(await outcome(users.outsider, ADD, [tenantId, visitId, users.outsider, "monitor"])).toBe("42501");
    expect(await outcome(users.outsider, ADD, [tenantId, visitId, users.outsider, "lead"])).toBe("42501");
    expect(await outcome(users.outsider, REMOVE, [tenantId, leadRow])).toBe("42501");
    expect(await outcome(users.outsider, REMOVE, [tenantId, memberRow])).toBe("42501");
    // So the interview stays out of their sight.
    const seen = await asTenant(app, tenantId, () => app.query("SELECT 1 FROM interviews WHERE visit_id = $1", [visitId]), users.outsider);
    expect(seen.rowCount).toBe(0);
  });

  it("a team member who is not the lead, and a viewer, cannot change it either", async () => {
    const { visitId, memberRow } = await visit();
    expect(await outcome(users.member, ADD, [tenantId, visitId, users.outsider, "monitor"])).toBe("42501");
    expect(await outcome(users.member, REROLE, [tenantId, memberRow, "lead"])).toBe("42501");
    expect(await outcome(users.viewer, ADD, [tenantId, visitId, users.viewer, "monitor"])).toBe("42501");
  });

  it("the lead adds, re-roles and removes the other members, but never touches a lead", async () => {
    const { visitId, leadRow, memberRow } = await visit();
    expect(await outcome(users.lead, ADD, [tenantId, visitId, users.outsider, "interpreter"])).toBe("ok");
    expect(await outcome(users.lead, REROLE, [tenantId, memberRow, "lawyer"])).toBe("ok");
    expect(await outcome(users.lead, REMOVE, [tenantId, memberRow])).toBe("ok");
    expect(await outcome(users.lead, ADD, [tenantId, visitId, users.outsider, "lead"])).toBe("42501");
    expect(await outcome(users.lead, REROLE, [tenantId, memberRow, "lead"])).toBe("42501");
    expect(await outcome(users.lead, REROLE, [tenantId, leadRow, "monitor"])).toBe("42501");
    expect(await outcome(users.lead, REMOVE, [tenantId, leadRow])).toBe("42501");
  });

  it("coordinators and owners change any team, the lead included", async () => {
    const { visitId, leadRow } = await visit();
    for (const who of [users.coordinator, users.owner]) {
      expect(await outcome(who, ADD, [tenantId, visitId, users.outsider, "lead"])).toBe("ok");
      expect(await outcome(who, REMOVE, [tenantId, leadRow])).toBe("ok");
    }
  });

  it("the planner sets the first team in the transaction that creates the visit, and only then", async () => {
    const planned = await asTenant(app, tenantId, async () => {
      const created = await app.query<{ id: string }>(
        "INSERT INTO visits (tenant_id, place_id, type, planned_start, planned_end, created_by_id) VALUES ($1, $2, 'ad_hoc', '2026-05-05', '2026-05-05', $3) RETURNING id",
        [tenantId, placeId, users.outsider],
      );
      await app.query(ADD, [tenantId, created.rows[0]!.id, users.outsider, "lead"]);
      return (await app.query("SELECT 1 FROM visit_team_members WHERE visit_id = $1", [created.rows[0]!.id])).rowCount;
    }, users.outsider);
    expect(planned).toBe(1);
    // A visit the same person created earlier (another transaction) is no longer theirs to staff.
    const earlier = await one(
      "INSERT INTO visits (tenant_id, place_id, type, planned_start, planned_end, created_by_id) VALUES ($1, $2, 'ad_hoc', '2026-05-06', '2026-05-06', $3)",
      [tenantId, placeId, users.outsider],
    );
    expect(await outcome(users.outsider, ADD, [tenantId, earlier, users.outsider, "monitor"])).toBe("42501");
    // Nor may someone else plant themselves on a visit in the transaction that another person created.
    expect(await asTenant(app, tenantId, async () => {
      const created = await app.query<{ id: string }>(
        "INSERT INTO visits (tenant_id, place_id, type, planned_start, planned_end, created_by_id) VALUES ($1, $2, 'ad_hoc', '2026-05-07', '2026-05-07', $3) RETURNING id",
        [tenantId, placeId, users.coordinator],
      );
      return app.query(ADD, [tenantId, created.rows[0]!.id, users.outsider, "lead"]).then(() => "ok", (error: { code?: string }) => error.code);
    }, users.outsider)).toBe("42501");
  });
  it("a monitor cannot pose as a visit's planner: the creator never changes, and an UPDATE does not make a transaction the creating one", async () => {
    const { visitId } = await visit();
    const claimed = await asTenant(app, tenantId, async () => {
      const steps: string[] = [];
      for (const [sql, params] of [
        ["UPDATE visits SET created_by_id = $2 WHERE id = $1", [visitId, users.outsider]],
        ["UPDATE visits SET status = status WHERE id = $1", [visitId]],
        [ADD, [tenantId, visitId, users.outsider, "lead"]],
      ] as [string, unknown[]][]) {
        await app.query("SAVEPOINT step");
        steps.push(await app.query(sql, params).then(() => "ok", (error: { code?: string }) => error.code ?? "error"));
        await app.query("ROLLBACK TO SAVEPOINT step");
      }
      return steps;
    }, users.outsider);
    expect(claimed).toEqual(["42501", "ok", "42501"]);
    // The attack's own order in one transaction (claim, then add) fails at the claim.
    expect(await asTenant(app, tenantId, async () => {
      await app.query("UPDATE visits SET created_by_id = $2 WHERE id = $1", [visitId, users.outsider]);
      return app.query(ADD, [tenantId, visitId, users.outsider, "lead"]).then(() => "ok", (error: { code?: string }) => error.code);
    }, users.outsider).catch((error: { code?: string }) => error.code)).toBe("42501");
    // Nor does anyone, a coordinator included, give a visit a creator after the fact.
    expect(await outcome(users.coordinator, "UPDATE visits SET created_by_id = $2 WHERE id = $1", [visitId, users.coordinator])).toBe("42501");
    // An account's deletion still clears it (ON DELETE SET NULL).
    const leaving = await one("INSERT INTO users (email, name, password_hash) VALUES ($1, 'leaving', 'x')", [`leaving-${randomUUID().slice(0, 8)}@example.org`]);
    const planned = await one("INSERT INTO visits (tenant_id, place_id, type, planned_start, planned_end, created_by_id) VALUES ($1, $2, 'ad_hoc', '2026-05-08', '2026-05-08', $3)", [tenantId, placeId, leaving]);
    await owner.query("DELETE FROM users WHERE id = $1", [leaving]);
    expect((await owner.query("SELECT created_by_id FROM visits WHERE id = $1", [planned])).rows[0]).toEqual({ created_by_id: null });
  });

  it("the creation record is out of the application's reach", async () => {
    for (const sql of ["SELECT * FROM vigil_private.visit_creations", "INSERT INTO vigil_private.visit_creations (tenant_id, visit_id, xact) VALUES (gen_random_uuid(), gen_random_uuid(), pg_current_xact_id())"]) {
      expect(await outcome(users.outsider, sql, [])).toBe("42501");
    }
  });
});
