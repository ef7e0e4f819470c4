import { describe, expect, it } from "vitest";
import { asTenant } from "./testing/admin.ts";
import {
  accepted, answerId, app, as, declined, ended, host, otherVisitId, owner, uninvited, useJointVisitWorld, VISIT_TABLES, visibleHostRows, visitId, type Workspace,
} from "./testing/joint-visit-world.ts";

/**
 * Joint visits, the database lock (docs/decisions/0100-joint-visits.md): with the application's own
 * role, a partner's nominated member sees and writes the host's rows of ONE visit, and nobody else
 * does: not a non-nominated member of the partner, a declined or ended partner, an uninvited
 * workspace, nor the nominated member outside the joint-visit scope. The partnership itself and its
 * audit rows: joint-visits-partners-rls.int.test.ts.
 */
useJointVisitWorld();

describe("joint visits: row-level security with the application's role", () => {
  it("a nominated member of an accepted partner sees the host's rows of that visit only", async () => {
    await as(accepted, accepted.memberId, visitId, async () => {
      for (const table of VISIT_TABLES) expect(await visibleHostRows(table), table).toBeGreaterThan(0);
      expect((await app.query("SELECT id FROM visits WHERE tenant_id = $1", [host.tenantId])).rows).toEqual([{ id: visitId }]);
      expect((await app.query("SELECT 1 FROM findings WHERE visit_id = $1", [otherVisitId])).rowCount).toBe(0);
      // Nothing else of the host: its members, invitations, audit log, other tables.
      for (const table of ["memberships", "invitations", "audit_events", "authorities", "tenants"]) {
        const column = table === "tenants" ? "id" : "tenant_id";
        expect((await app.query(`SELECT 1 FROM ${table} WHERE ${column} = $1`, [host.tenantId])).rowCount, table).toBe(0);
      }
    });
  });

  it("without SET LOCAL ROLE vigil_joint, app.joint_visit_id opens nothing to the application's role", async () => {
    await owner.query("UPDATE visit_partners SET share_interviews = true WHERE tenant_id = $1 AND visit_id = $2 AND partner_tenant_id = $3", [host.tenantId, visitId, accepted.tenantId]);
    try {
      await as(
        accepted,
        accepted.memberId,
        visitId,
        async () => {
          expect((await app.query<{ role: string }>("SELECT current_user AS role")).rows[0]!.role).toBe("vigil_app");
          for (const table of [...VISIT_TABLES, "interviews"]) expect(await visibleHostRows(table), table).toBe(0);
          await expect(
            app.query("INSERT INTO findings (tenant_id, visit_id, theme, text, severity, created_by_id) VALUES ($1, $2, 'Forged', 'x', 'low', $3)", [host.tenantId, visitId, accepted.memberId]),
          ).rejects.toThrow(/row-level security/);
        },
        false,
      );
      // The joint policies are bound to vigil_joint, which vigil_app is a member of but does not inherit.
      const roles = await owner.query<{ roles: string }>(
        "SELECT string_agg(DISTINCT array_to_string(roles, ','), ';') AS roles FROM pg_policies WHERE policyname LIKE 'joint\\_visit\\_partner%'",
      );
      expect(roles.rows[0]!.roles).toBe("vigil_joint");
      const inherit = await owner.query<{ inherits: boolean; member: boolean }>(
        "SELECT pg_has_role('vigil_app', 'vigil_joint', 'USAGE') AS inherits, pg_has_role('vigil_app', 'vigil_joint', 'MEMBER') AS member",
      );
      expect(inherit.rows[0]).toEqual({ inherits: false, member: true });
    } finally {
      await owner.query("UPDATE visit_partners SET share_interviews = false WHERE tenant_id = $1 AND visit_id = $2 AND partner_tenant_id = $3", [host.tenantId, visitId, accepted.tenantId]);
    }
  });

  it("vigil_joint holds every privilege vigil_app has (tables, columns, sequences, functions), so joint procedures work after the switch", async () => {
    const missing = await owner.query<{ missing: string }>(`
      SELECT c.oid::regclass::text || ' ' || a.privilege_type AS missing
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
        CROSS JOIN LATERAL aclexplode(c.relacl) a
       WHERE a.grantee = 'vigil_app'::regrole AND NOT has_table_privilege('vigil_joint', c.oid, a.privilege_type)
         AND c.relkind <> 'S'
      UNION ALL
      SELECT c.oid::regclass::text || ' ' || a.privilege_type
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
        CROSS JOIN LATERAL aclexplode(c.relacl) a
       WHERE a.grantee = 'vigil_app'::regrole AND c.relkind = 'S' AND NOT has_sequence_privilege('vigil_joint', c.oid, a.privilege_type)
      UNION ALL
      SELECT c.oid::regclass::text || '.' || at.attname || ' ' || a.privilege_type
        FROM pg_attribute at JOIN pg_class c ON c.oid = at.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
        CROSS JOIN LATERAL aclexplode(at.attacl) a
       WHERE a.grantee = 'vigil_app'::regrole AND NOT has_column_privilege('vigil_joint', c.oid, at.attnum, a.privilege_type)
      UNION ALL
      SELECT p.oid::regprocedure::text || ' ' || a.privilege_type
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace AND n.nspname = 'public'
        CROSS JOIN LATERAL aclexplode(p.proacl) a
       WHERE a.grantee = 'vigil_app'::regrole AND NOT has_function_privilege('vigil_joint', p.oid, a.privilege_type)`);
    expect(missing.rows.map((row) => row.missing)).toEqual([]);
    expect((await owner.query<{ usage: boolean }>("SELECT has_schema_privilege('vigil_joint', 'public', 'USAGE') AS usage")).rows[0]!.usage).toBe(true);
  });

  it("interviews stay hidden from partners until the host shares them", async () => {
    const interviews = () => as(accepted, accepted.memberId, visitId, visibleHostRows.bind(null, "interviews"));
    expect(await interviews()).toBe(0);
    await owner.query("UPDATE visit_partners SET share_interviews = true WHERE tenant_id = $1 AND partner_tenant_id = $2", [host.tenantId, accepted.tenantId]);
    try {
      expect(await interviews()).toBe(1);
      // Sharing opens them to nominated members only.
      expect(await as(accepted, accepted.adminId, visitId, visibleHostRows.bind(null, "interviews"))).toBe(0);
    } finally {
      await owner.query("UPDATE visit_partners SET share_interviews = false WHERE tenant_id = $1 AND partner_tenant_id = $2", [host.tenantId, accepted.tenantId]);
    }
  });

  it.each([
    ["a non-nominated member (admin) of the accepted partner", () => accepted, () => accepted.adminId, () => visitId],
    ["the nominated member outside the joint-visit scope", () => accepted, () => accepted.memberId, () => null],
    ["the nominated member naming another visit of the host", () => accepted, () => accepted.memberId, () => otherVisitId],
    ["a nominated member of a declined partner", () => declined, () => declined.memberId, () => visitId],
    ["a nominated member of an ended partnership", () => ended, () => ended.memberId, () => visitId],
    ["a member of an uninvited workspace", () => uninvited, () => uninvited.memberId, () => visitId],
    ["the nominated member's user inside another workspace", () => uninvited, () => accepted.memberId, () => visitId],
  ])("%s sees none of the host's rows and cannot write any", async (_label, ws, user, scope) => {
    await as(ws(), user(), scope(), async () => {
      for (const table of [...VISIT_TABLES, "interviews", "recommendations"]) expect(await visibleHostRows(table), table).toBe(0);
      expect((await app.query("UPDATE checklist_answers SET note = 'x' WHERE tenant_id = $1", [host.tenantId])).rowCount).toBe(0);
      expect((await app.query("DELETE FROM findings WHERE tenant_id = $1", [host.tenantId])).rowCount).toBe(0);
    });
    await expect(
      as(ws(), user(), scope(), () =>
        app.query("INSERT INTO findings (tenant_id, visit_id, theme, text, severity) VALUES ($1, $2, 'Forged', 'x', 'low')", [host.tenantId, visitId]),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      as(ws(), user(), scope(), () =>
        app.query("INSERT INTO audit_events (tenant_id, action, target_type, actor_id) VALUES ($1, 'forged', 'visit', $2)", [host.tenantId, user()]),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it("the nominated member writes into the host's visit (tenant_id stays the host's) and its audit log, as themselves", async () => {
    await as(accepted, accepted.memberId, visitId, async () => {
      await app.query("INSERT INTO findings (tenant_id, visit_id, theme, text, severity, created_by_id) VALUES ($1, $2, 'Healthcare', 'No doctor at night.', 'medium', $3)", [host.tenantId, visitId, accepted.memberId]);
      expect((await app.query("UPDATE checklist_answers SET note = 'seen' WHERE id = $1", [answerId])).rowCount).toBe(1);
      await app.query("INSERT INTO checklist_answer_revisions (tenant_id, answer_id, revision, value) VALUES ($1, $2, 2, '\"no\"')", [host.tenantId, answerId]);
      await app.query("INSERT INTO audit_events (tenant_id, action, target_type, actor_id) VALUES ($1, 'finding.created', 'finding', $2)", [host.tenantId, accepted.memberId]);
      // Not as somebody else, not into another visit, not moved to its own workspace.
      await app.query("SAVEPOINT s");
      await expect(app.query("INSERT INTO audit_events (tenant_id, action, target_type, actor_id) VALUES ($1, 'x', 'visit', $2)", [host.tenantId, host.adminId])).rejects.toThrow(/row-level security/);
      await app.query("ROLLBACK TO SAVEPOINT s");
      await expect(app.query("INSERT INTO findings (tenant_id, visit_id, theme, text, severity) VALUES ($1, $2, 'x', 'x', 'low')", [host.tenantId, otherVisitId])).rejects.toThrow(/row-level security/);
    });
    // Partners never delete the host's records.
    await as(accepted, accepted.memberId, visitId, async () => {
      expect((await app.query("DELETE FROM findings WHERE tenant_id = $1", [host.tenantId])).rowCount).toBe(0);
      expect((await app.query("DELETE FROM attachments WHERE tenant_id = $1", [host.tenantId])).rowCount).toBe(0);
      expect((await app.query("DELETE FROM visit_team_members WHERE tenant_id = $1", [host.tenantId])).rowCount).toBe(0);
    });
    // Visits themselves (plan, status) stay the host's to change.
    expect(await as(accepted, accepted.memberId, visitId, async () => (await app.query("UPDATE visits SET objectives = 'x' WHERE id = $1", [visitId])).rowCount)).toBe(0);
  });

  it("the database records the author's workspace of a partner's rows, whatever the application sends (0105)", async () => {
    // One transaction (rolled back at the end), switching between the host and the partner's member.
    await asTenant(app, host.tenantId, async () => {
      // As enterJointVisit does: the joint policies apply only under the vigil_joint role (0121).
      const switchTo = async (ws: Workspace, userId: string, scope: string | null) => {
        await app.query(scope ? "SET LOCAL ROLE vigil_joint" : "RESET ROLE");
        await app.query("SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true), set_config('app.joint_visit_id', $3, true)", [ws.tenantId, userId, scope ?? ""]);
      };
      const authorOf = async (table: string, id: string) => {
        await switchTo(host, host.adminId, null);
        return (await app.query<{ a: string | null }>(`SELECT author_tenant_id AS a FROM ${table} WHERE id = $1`, [id])).rows[0]!.a;
      };
      await switchTo(accepted, accepted.memberId, visitId);
      const findingId = (await app.query<{ id: string }>(
        "INSERT INTO findings (tenant_id, visit_id, theme, text, severity, author_tenant_id) VALUES ($1, $2, 'Food', 'Cold meals.', 'low', $3) RETURNING id",
        [host.tenantId, visitId, uninvited.tenantId],
      )).rows[0]!.id;
      expect(await authorOf("findings", findingId)).toBe(accepted.tenantId);
      // The host editing a partner's finding does not take it over; the host's own rows carry none, even forged.
      await app.query("UPDATE findings SET text = 'Cold meals, twice a day.', author_tenant_id = NULL WHERE id = $1", [findingId]);
      expect(await authorOf("findings", findingId)).toBe(accepted.tenantId);
      const hostFinding = (await app.query<{ id: string }>(
        "INSERT INTO findings (tenant_id, visit_id, theme, text, severity, author_tenant_id) VALUES ($1, $2, 'x', 'x', 'low', $3) RETURNING id",
        [host.tenantId, visitId, accepted.tenantId],
      )).rows[0]!.id;
      expect(await authorOf("findings", hostFinding)).toBeNull();
      // An answer takes the workspace of each save.
      await switchTo(accepted, accepted.memberId, visitId);
      await app.query("UPDATE checklist_answers SET note = 'partner' WHERE id = $1", [answerId]);
      expect(await authorOf("checklist_answers", answerId)).toBe(accepted.tenantId);
      await app.query("UPDATE checklist_answers SET note = 'host' WHERE id = $1", [answerId]);
      expect(await authorOf("checklist_answers", answerId)).toBeNull();
    });

    // The names of the visit's workspaces: to the host and to the nominated member inside the visit only.
    const names = async (ws: Workspace, userId: string, scope: string | null) =>
      as(ws, userId, scope, async () => (await app.query<{ id: string }>("SELECT id FROM visit_workspace_names($1)", [visitId])).rows.map((r) => r.id).sort());
    const participants = [host.tenantId, accepted.tenantId, declined.tenantId, ended.tenantId].sort();
    expect(await names(host, host.adminId, null)).toEqual(participants);
    expect(await names(accepted, accepted.memberId, visitId)).toEqual(participants);
    expect(await names(accepted, accepted.memberId, null)).toEqual([]);
    expect(await names(accepted, accepted.adminId, visitId)).toEqual([]);
    expect(await names(uninvited, uninvited.adminId, visitId)).toEqual([]);
  });
});
