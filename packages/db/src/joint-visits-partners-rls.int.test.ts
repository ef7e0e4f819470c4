import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { asTenant } from "./testing/admin.ts";
import {
  accepted, app, as, declined, ended, host, one, otherVisitId, owner, partnership, uninvited, useJointVisitWorld, visibleHostRows, visitId, workspace, type Workspace,
} from "./testing/joint-visit-world.ts";

/**
 * Joint visits, the database lock on the partnership itself (docs/decisions/0100-joint-visits.md,
 * 0148, 0149): who may invite, accept, nominate, share interviews and end, what the directory and
 * the invitations show, and which cross-workspace audit rows record_joint_audit() writes.
 */
useJointVisitWorld();

describe("joint visits: partnerships and their audit rows, in the database", () => {
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
