import { randomUUID } from "node:crypto";
import type pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { asTenant, connect } from "./admin.ts";

/**
 * The world of the joint-visit RLS tests (joint-visits-rls.int.test.ts,
 * joint-visits-partners-rls.int.test.ts): a host with one joint visit (and another visit of its
 * own), an accepted, a declined and an ended partner, each with a nominated member, and an uninvited
 * workspace. Every test file that calls useJointVisitWorld() gets a world of its own; the bindings
 * below are set in its beforeAll, and ES modules hand importers their current values.
 */
export let owner: pg.Client;
export let app: pg.Client;

export type Workspace = { tenantId: string; adminId: string; memberId: string };
export let host: Workspace;
export let accepted: Workspace;
export let declined: Workspace;
export let ended: Workspace;
export let uninvited: Workspace;
export let visitId: string;
export let otherVisitId: string;
export let answerId: string;

export const VISIT_TABLES = [
  "visits", "visit_team_members", "checklist_answers", "checklist_answer_revisions", "findings", "attachments",
  "reports", "places", "checklist_template_versions", "checklist_templates",
];

export async function one(sql: string, params: unknown[]): Promise<string> {
  return (await owner.query<{ id: string }>(`${sql} RETURNING id`, params)).rows[0]!.id;
}

export async function workspace(label: string, allowJointVisits = true): Promise<Workspace> {
  const tenantId = randomUUID();
  const suffix = randomUUID().slice(0, 8);
  await owner.query("INSERT INTO tenants (id, slug, name, country_code, default_locale, allow_joint_visits) VALUES ($1, $2, $3, 'RS', 'en', $4)", [tenantId, `${label}-${suffix}`, label, allowJointVisits]);
  const adminId = await one("INSERT INTO users (email, name, password_hash) VALUES ($1, $2, 'x')", [`${label}-admin-${suffix}@example.org`, `${label} admin`]);
  const memberId = await one("INSERT INTO users (email, name, password_hash) VALUES ($1, $2, 'x')", [`${label}-member-${suffix}@example.org`, `${label} member`]);
  await owner.query("INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, 'admin'), ($1, $3, 'monitor')", [tenantId, adminId, memberId]);
  return { tenantId, adminId, memberId };
}

export async function partnership(partner: Workspace, status: "invited" | "accepted" | "declined" | "ended", nominate = true) {
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
export function as<T>(ws: Workspace, userId: string, jointVisitId: string | null, work: () => Promise<T>, switchRole = true): Promise<T> {
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

export async function visibleHostRows(table: string): Promise<number> {
  return (await app.query(`SELECT 1 FROM ${table} WHERE tenant_id = $1`, [host.tenantId])).rowCount ?? 0;
}

export function useJointVisitWorld(): void {
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
}
