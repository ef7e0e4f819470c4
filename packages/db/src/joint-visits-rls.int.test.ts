import { randomUUID } from "node:crypto";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asTenant, connect } from "./testing/admin.ts";

/**
 * Joint visits, the database lock (docs/decisions/0100-joint-visits.md): with the application's own
 * role, a partner's nominated member sees and writes the host's rows of ONE visit, and nobody else
 * does: not a non-nominated member of the partner, a declined or ended partner, an uninvited
 * workspace, nor the nominated member outside the joint-visit scope.
 */
let owner: pg.Client;
let app: pg.Client;

type Workspace = { tenantId: string; adminId: string; memberId: string };
let host: Workspace;
let accepted: Workspace;
let declined: Workspace;
let ended: Workspace;
let uninvited: Workspace;
let visitId: string;
let otherVisitId: string;
let answerId: string;

const VISIT_TABLES = [
  "visits", "visit_team_members", "checklist_answers", "checklist_answer_revisions", "findings", "attachments",
  "reports", "places", "checklist_template_versions", "checklist_templates",
];

async function one(sql: string, params: unknown[]): Promise<string> {
  return (await owner.query<{ id: string }>(`${sql} RETURNING id`, params)).rows[0]!.id;
}

async function workspace(label: string, allowJointVisits = true): Promise<Workspace> {
  const tenantId = randomUUID();
  const suffix = randomUUID().slice(0, 8);
  await owner.query("INSERT INTO tenants (id, slug, name, country_code, default_locale, allow_joint_visits) VALUES ($1, $2, $3, 'RS', 'en', $4)", [tenantId, `${label}-${suffix}`, label, allowJointVisits]);
  const adminId = await one("INSERT INTO users (email, name, password_hash) VALUES ($1, $2, 'x')", [`${label}-admin-${suffix}@example.org`, `${label} admin`]);
  const memberId = await one("INSERT INTO users (email, name, password_hash) VALUES ($1, $2, 'x')", [`${label}-member-${suffix}@example.org`, `${label} member`]);
  await owner.query("INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, 'admin'), ($1, $3, 'monitor')", [tenantId, adminId, memberId]);
  return { tenantId, adminId, memberId };
}

async function partnership(partner: Workspace, status: "invited" | "accepted" | "declined" | "ended", nominate = true) {
  await owner.query(
    "INSERT INTO visit_partners (tenant_id, visit_id, partner_tenant_id, status, ended_at) VALUES ($1, $2, $3, $4::visit_partner_status, CASE WHEN $4::text = 'ended' THEN now() END)",
    [host.tenantId, visitId, partner.tenantId, status],
  );
  if (nominate) {
    await owner.query("INSERT INTO visit_partner_members (tenant_id, visit_id, partner_tenant_id, user_id, visit_role) VALUES ($1, $2, $3, $4, 'monitor')", [host.tenantId, visitId, partner.tenantId, partner.memberId]);
  }
}

/**
 * Runs `work` as `userId` inside `tenantId`, on the joint visit `jointVisitId` (or none), the way
 * enterJointVisit does: the joint policies apply to vigil_joint only (decision 0121), so the
 * transaction switches to it. `switchRole: false` keeps the plain application role.
 */
function as<T>(ws: Workspace, userId: string, jointVisitId: string | null, work: () => Promise<T>, switchRole = true): Promise<T> {
  return asTenant(
    app,
    ws.tenantId,
    async () => {
      if (jointVisitId) {
        await app.query("SELECT set_config('app.joint_visit_id', $1, true)", [jointVisitId]);
        if (switchRole) await app.query("SET LOCAL ROLE vigil_joint");
      }
      return work();
    },
    userId,
  );
}

async function visibleHostRows(table: string): Promise<number> {
  return (await app.query(`SELECT 1 FROM ${table} WHERE tenant_id = $1`, [host.tenantId])).rowCount ?? 0;
}

beforeAll(async () => {
  owner = await connect(process.env.DATABASE_OWNER_URL!);
  app = await connect(process.env.DATABASE_URL!);
  host = await workspace("host");
  accepted = await workspace("accepted");
  declined = await workspace("declined");
  ended = await workspace("ended");
  uninvited = await workspace("uninvited");

  const h = host.tenantId;
  const placeId = await one("INSERT INTO places (tenant_id, name, type) VALUES ($1, 'District Prison Sremska Mitrovica', 'prison')", [h]);
  const templateId = await one("INSERT INTO checklist_templates (tenant_id, name) VALUES ($1, 'Prison')", [h]);
  const versionId = await one("INSERT INTO checklist_template_versions (tenant_id, template_id, version, content, languages, published_at) VALUES ($1, $2, 1, '{}', '{en}', now())", [h, templateId]);
  visitId = await one("INSERT INTO visits (tenant_id, place_id, type, planned_start, planned_end, template_version_id) VALUES ($1, $2, 'in_depth', '2014-12-08', '2014-12-09', $3)", [h, placeId, versionId]);
  otherVisitId = await one("INSERT INTO visits (tenant_id, place_id, type, planned_start, planned_end) VALUES ($1, $2, 'ad_hoc', '2014-12-20', '2014-12-20')", [h, placeId]);
  await owner.query("INSERT INTO visit_team_members (tenant_id, visit_id, user_id, visit_role) VALUES ($1, $2, $3, 'lead')", [h, visitId, host.adminId]);
  answerId = await one("INSERT INTO checklist_answers (tenant_id, visit_id, question_id, value) VALUES ($1, $2, 'q1', '\"yes\"')", [h, visitId]);
  await owner.query("INSERT INTO checklist_answer_revisions (tenant_id, answer_id, revision, value) VALUES ($1, $2, 1, '\"yes\"')", [h, answerId]);
  const findingId = await one("INSERT INTO findings (tenant_id, visit_id, theme, text, severity) VALUES ($1, $2, 'Material conditions', 'Overcrowding.', 'high')", [h, visitId]);
  await owner.query(
    "INSERT INTO attachments (tenant_id, visit_id, finding_id, file_name, content_type, size_bytes, sha256, storage_key) VALUES ($1, $2, $3, 'cell.jpg', 'image/jpeg', 3, $4, 'k')",
    [h, visitId, findingId, Buffer.alloc(32)],
  );
  await owner.query("INSERT INTO interviews (tenant_id, visit_id, pseudonym, category, consent_given) VALUES ($1, $2, 'D-1', 'detainee', true)", [h, visitId]);
  await owner.query("INSERT INTO reports (tenant_id, visit_id, language) VALUES ($1, $2, 'sr-Cyrl')", [h, visitId]);
  // The other visit has rows too, which nobody outside the host may see.
  await owner.query("INSERT INTO findings (tenant_id, visit_id, theme, text, severity) VALUES ($1, $2, 'Other', 'Not shared.', 'low')", [h, otherVisitId]);

  await partnership(accepted, "accepted");
  await partnership(declined, "declined");
  await partnership(ended, "ended");
});

afterAll(async () => {
  await owner.end();
  await app.end();
});

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

  it("a partner only accepts or declines an open invitation; the host cannot answer for it", async () => {
    const invitedWs = await workspace("invited");
    await partnership(invitedWs, "invited", false);
    const key = [host.tenantId, visitId, invitedWs.tenantId];
    const where = "tenant_id = $1 AND visit_id = $2 AND partner_tenant_id = $3";
    await expect(as(host, host.adminId, null, () => app.query(`UPDATE visit_partners SET status = 'accepted' WHERE ${where}`, key))).rejects.toThrow(/host cannot answer/);
    await expect(as(invitedWs, invitedWs.adminId, null, () => app.query(`UPDATE visit_partners SET share_interviews = true, status = 'accepted' WHERE ${where}`, key))).rejects.toThrow(/only accepts or declines/);
    // Before accepting, it cannot nominate.
    await expect(
      as(invitedWs, invitedWs.adminId, null, () =>
        app.query("INSERT INTO visit_partner_members (tenant_id, visit_id, partner_tenant_id, user_id, visit_role) VALUES ($1, $2, $3, $4, 'monitor')", [...key, invitedWs.memberId]),
      ),
    ).rejects.toThrow(/row-level security/);
    await asTenant(app, invitedWs.tenantId, async () => {
      expect((await app.query(`UPDATE visit_partners SET status = 'accepted', responded_at = now() WHERE ${where}`, key)).rowCount).toBe(1);
      await app.query("INSERT INTO visit_partner_members (tenant_id, visit_id, partner_tenant_id, user_id, visit_role) VALUES ($1, $2, $3, $4, 'doctor')", [...key, invitedWs.memberId]);
      // Only its own members.
      await expect(
        app.query("INSERT INTO visit_partner_members (tenant_id, visit_id, partner_tenant_id, user_id, visit_role) VALUES ($1, $2, $3, $4, 'monitor')", [...key, uninvited.memberId]),
      ).rejects.toThrow(/row-level security/);
    }, invitedWs.adminId);
    // An ended partnership cannot be re-accepted by the partner.
    await expect(as(ended, ended.adminId, null, () => app.query(`UPDATE visit_partners SET status = 'accepted' WHERE ${where}`, [host.tenantId, visitId, ended.tenantId]))).rejects.toThrow(/only accepts or declines/);
  });

  it("the host invites only workspaces that allow joint visits, and cannot nominate the partner's members", async () => {
    const closed = await workspace("closed", false);
    const otherVisit = [host.tenantId, otherVisitId];
    await expect(as(host, host.adminId, null, () => app.query("INSERT INTO visit_partners (tenant_id, visit_id, partner_tenant_id) VALUES ($1, $2, $3)", [...otherVisit, closed.tenantId]))).rejects.toThrow(/row-level security/);
    await as(host, host.adminId, null, async () => {
      await app.query("INSERT INTO visit_partners (tenant_id, visit_id, partner_tenant_id) VALUES ($1, $2, $3)", [...otherVisit, uninvited.tenantId]);
      await expect(app.query("INSERT INTO visit_partners (tenant_id, visit_id, partner_tenant_id, status) VALUES ($1, $2, $3, 'accepted')", [...otherVisit, declined.tenantId])).rejects.toThrow(/row-level security/);
    });
    await expect(
      as(host, host.adminId, null, () =>
        app.query("INSERT INTO visit_partner_members (tenant_id, visit_id, partner_tenant_id, user_id, visit_role) VALUES ($1, $2, $3, $4, 'monitor')", [host.tenantId, visitId, accepted.tenantId, accepted.adminId]),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it("ending a partnership removes the access at once", async () => {
    const late = await workspace("late");
    await partnership(late, "accepted");
    const sees = () => as(late, late.memberId, visitId, visibleHostRows.bind(null, "findings"));
    expect(await sees()).toBeGreaterThan(0);
    // The host may end it (asTenant rolls back, so it is then ended for real as the owner).
    const ending = "UPDATE visit_partners SET status = 'ended', ended_at = now() WHERE tenant_id = $1 AND partner_tenant_id = $2";
    expect(await as(host, host.adminId, null, async () => (await app.query(ending, [host.tenantId, late.tenantId])).rowCount)).toBe(1);
    await owner.query("UPDATE visit_partners SET status = 'ended', ended_at = now() WHERE tenant_id = $1 AND partner_tenant_id = $2", [host.tenantId, late.tenantId]);
    expect(await sees()).toBe(0);
  });

  it("the directory lists workspaces that allow joint visits, names only, to members only", async () => {
    const rows = await as(uninvited, uninvited.memberId, null, async () => (await app.query<{ id: string; name: string }>("SELECT id, name FROM joint_visit_directory()")).rows);
    expect(rows.map((row) => row.id)).toEqual(expect.arrayContaining([host.tenantId, accepted.tenantId]));
    expect(rows.map((row) => row.id)).not.toContain(uninvited.tenantId);
    // Not for a user who is not a member of the workspace named.
    expect(await as(uninvited, accepted.memberId, null, async () => (await app.query("SELECT 1 FROM joint_visit_directory()")).rowCount)).toBe(0);
  });

  it("invitations addressed to a workspace are visible to it, and to no other", async () => {
    const forAccepted = await as(accepted, accepted.adminId, null, async () => (await app.query<{ visit_id: string; place_name: string }>("SELECT visit_id, place_name FROM joint_visit_invitations()")).rows);
    expect(forAccepted).toEqual([{ visit_id: visitId, place_name: "District Prison Sremska Mitrovica" }]);
    expect(await as(ended, ended.adminId, null, async () => (await app.query("SELECT 1 FROM joint_visit_invitations()")).rowCount)).toBe(0);
    expect(await as(uninvited, uninvited.adminId, null, async () => (await app.query("SELECT 1 FROM visit_partners")).rowCount)).toBe(0);
  });

  it("cross-workspace audit rows: only between the two sides of a participation, only jointVisit.* actions", async () => {
    const args = [host.tenantId, visitId, accepted.tenantId];
    await as(host, host.adminId, null, () => app.query("SELECT record_joint_audit($1, $2, $3, 'jointVisit.interviewSharingChanged', '{\"shareInterviews\": false}', null)", args));
    await expect(as(host, host.adminId, null, () => app.query("SELECT record_joint_audit($1, $2, $3, 'member.removed', '{}', null)", args))).rejects.toThrow(/not allowed/);
    await expect(as(uninvited, uninvited.adminId, null, () => app.query("SELECT record_joint_audit($1, $2, $3, 'jointVisit.invited', '{}', null)", args))).rejects.toThrow(/not allowed/);
    await expect(as(uninvited, uninvited.adminId, null, () => app.query("SELECT record_joint_audit($1, $2, $3, 'jointVisit.invited', '{}', null)", [host.tenantId, visitId, uninvited.tenantId]))).rejects.toThrow(/no such participation/);
  });

  it("record_joint_audit writes only what the caller's side did, in the state it leaves (0149)", async () => {
    const call = (ws: Workspace, userId: string, partner: Workspace, action: string, details = "{}") =>
      as(ws, userId, null, () => app.query("SELECT record_joint_audit($1, $2, $3, $4, $5::jsonb, null)", [host.tenantId, visitId, partner.tenantId, action, details]));
    const hostLog = (action: string) => owner.query("SELECT 1 FROM audit_events WHERE tenant_id = $1 AND action = $2 AND actor_id = $3", [host.tenantId, action, ended.adminId]);
    // A partner whose partnership has ended writes nothing into the host's log, whatever the event.
    for (const action of ["jointVisit.memberNominated", "jointVisit.memberWithdrawn", "jointVisit.accepted", "jointVisit.declined", "jointVisit.ended", "jointVisit.invited"]) {
      await expect(call(ended, ended.adminId, ended, action), action).rejects.toThrow(/not allowed/);
    }
    expect((await hostLog("jointVisit.memberNominated")).rowCount).toBe(0);
    // A declined partner nominates nothing either; an accepted one records its nominations.
    await expect(call(declined, declined.adminId, declined, "jointVisit.memberNominated")).rejects.toThrow(/not allowed/);
    await call(accepted, accepted.adminId, accepted, "jointVisit.memberNominated", JSON.stringify({ userId: accepted.memberId, visitRole: "monitor" }));
    // A partner never writes the host's own steps, nor an answer it did not give, nor details of its own invention.
    for (const action of ["jointVisit.invited", "jointVisit.interviewSharingChanged", "jointVisit.ended", "jointVisit.settingChanged", "jointVisit.accepted"]) {
      await expect(call(accepted, accepted.adminId, accepted, action), action).rejects.toThrow(/not allowed/);
    }
    await expect(call(accepted, accepted.adminId, accepted, "jointVisit.memberNominated", JSON.stringify({ note: "Host approved sharing interviews" }))).rejects.toThrow(/not allowed/);
    await expect(call(accepted, accepted.adminId, accepted, "jointVisit.memberNominated", "[1]")).rejects.toThrow(/not allowed/);
    // The host does not write the partner's steps, nor an invitation that is no longer open, nor an end it did not make.
    for (const action of ["jointVisit.accepted", "jointVisit.memberNominated", "jointVisit.invited"]) {
      await expect(call(host, host.adminId, accepted, action), action).rejects.toThrow(/not allowed/);
    }
    await expect(call(host, host.adminId, ended, "jointVisit.ended")).rejects.toThrow(/not allowed/);
  });

  it("only admins turn interview sharing on, accept an invitation or nominate, whatever the application sends (0148)", async () => {
    const fresh = await workspace("fresh");
    await partnership(fresh, "invited", false);
    const key = [host.tenantId, visitId, fresh.tenantId];
    const where = "tenant_id = $1 AND visit_id = $2 AND partner_tenant_id = $3";
    const nominate = "INSERT INTO visit_partner_members (tenant_id, visit_id, partner_tenant_id, user_id, visit_role) VALUES ($1, $2, $3, $4, 'monitor')";
    // The partner's monitor cannot accept for the workspace; its admin can.
    await expect(as(fresh, fresh.memberId, null, () => app.query(`UPDATE visit_partners SET status = 'accepted', responded_at = now() WHERE ${where}`, key))).rejects.toThrow(/only admins/);
    await owner.query(`UPDATE visit_partners SET status = 'accepted', responded_at = now() WHERE ${where}`, key);
    // The partner's monitor cannot nominate themselves, nor re-role a nominee; its admin can.
    await expect(as(fresh, fresh.memberId, null, () => app.query(nominate, [...key, fresh.memberId]))).rejects.toThrow(/only admins/);
    expect(await as(fresh, fresh.adminId, null, async () => (await app.query(nominate, [...key, fresh.memberId])).rowCount)).toBe(1);
    await owner.query(nominate, [...key, fresh.adminId]);
    await expect(as(fresh, fresh.memberId, null, () => app.query(`UPDATE visit_partner_members SET visit_role = 'lead' WHERE ${where}`, key))).rejects.toThrow(/only admins/);
    // The host's monitor cannot share the visit's interviews; its admin can, and anyone may stop sharing.
    await expect(as(host, host.memberId, null, () => app.query(`UPDATE visit_partners SET share_interviews = true WHERE ${where}`, key))).rejects.toThrow(/only admins/);
    expect(await as(host, host.adminId, null, async () => (await app.query(`UPDATE visit_partners SET share_interviews = true WHERE ${where}`, key)).rowCount)).toBe(1);
    await owner.query(`UPDATE visit_partners SET share_interviews = true WHERE ${where}`, key);
    expect(await as(host, host.memberId, null, async () => (await app.query(`UPDATE visit_partners SET share_interviews = false WHERE ${where}`, key)).rowCount)).toBe(1);
  });
  it("a host member who is not an admin cannot invite with interview sharing already on (0148)", async () => {
    const invitee = await workspace("invitee");
    const invite = (share: boolean) =>
      "INSERT INTO visit_partners (tenant_id, visit_id, partner_tenant_id, status, share_interviews) VALUES ($1, $2, $3, 'invited', " + share + ")";
    const key = [host.tenantId, visitId, invitee.tenantId];
    await expect(as(host, host.memberId, null, () => app.query(invite(true), key))).rejects.toThrow(/only admins/);
    expect(await as(host, host.memberId, null, async () => (await app.query(invite(false), key)).rowCount)).toBe(1);
    expect(await as(host, host.adminId, null, async () => (await app.query(invite(true), key)).rowCount)).toBe(1);
  });

  it("record_joint_audit: sharing changes and nominations are an admin's, and their details are what is stored (0149)", async () => {
    const call = (ws: Workspace, userId: string, action: string, details: object) =>
      as(ws, userId, null, () => app.query("SELECT record_joint_audit($1, $2, $3, $4, $5::jsonb, null)", [host.tenantId, visitId, accepted.tenantId, action, JSON.stringify(details)]));
    const viewerId = await one("INSERT INTO users (email, name, password_hash) VALUES ($1, 'viewer', 'x')", [`viewer-${randomUUID().slice(0, 8)}@example.org`]);
    await owner.query("INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, 'viewer')", [accepted.tenantId, viewerId]);
    // The partner's viewer or monitor writes no nomination into the host's log, even a true one.
    for (const who of [viewerId, accepted.memberId]) {
      await expect(call(accepted, who, "jointVisit.memberNominated", { userId: accepted.memberId, visitRole: "monitor" })).rejects.toThrow(/not allowed/);
      await expect(call(accepted, who, "jointVisit.memberWithdrawn", { userId: accepted.adminId })).rejects.toThrow(/not allowed/);
    }
    // Its admin writes none that did not happen: someone not nominated, another role, a withdrawal of a nominee.
    await expect(call(accepted, accepted.adminId, "jointVisit.memberNominated", { userId: randomUUID(), visitRole: "lead" })).rejects.toThrow(/not allowed/);
    await expect(call(accepted, accepted.adminId, "jointVisit.memberNominated", { userId: accepted.memberId, visitRole: "lead" })).rejects.toThrow(/not allowed/);
    await expect(call(accepted, accepted.adminId, "jointVisit.memberWithdrawn", { userId: accepted.memberId })).rejects.toThrow(/not allowed/);
    await call(accepted, accepted.adminId, "jointVisit.memberWithdrawn", { userId: accepted.adminId });
    // The host: only an admin, and only the value stored (sharing is off for this partner).
    await expect(call(host, host.memberId, "jointVisit.interviewSharingChanged", { shareInterviews: false })).rejects.toThrow(/not allowed/);
    await expect(call(host, host.adminId, "jointVisit.interviewSharingChanged", { shareInterviews: true })).rejects.toThrow(/not allowed/);
    await expect(call(host, host.adminId, "jointVisit.interviewSharingChanged", { shareInterviews: "false" })).rejects.toThrow(/not allowed/);
    await expect(call(host, host.adminId, "jointVisit.interviewSharingChanged", {})).rejects.toThrow(/not allowed/);
    await call(host, host.adminId, "jointVisit.interviewSharingChanged", { shareInterviews: false });
    const forged = await owner.query("SELECT 1 FROM audit_events WHERE tenant_id = $1 AND action = 'jointVisit.memberNominated' AND actor_id = ANY($2)", [host.tenantId, [viewerId, accepted.memberId]]);
    expect(forged.rowCount).toBe(0);
  });
});
