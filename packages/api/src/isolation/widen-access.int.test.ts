import { withTenant } from "@vigil/db";
import { beforeAll, describe, expect, it } from "vitest";
import { ROLE_ORDER } from "../core/roles.ts";
import { addMember, callerFor, createTestUser, createTestWorkspace, refusalOf, TEST_PASSWORD, unique, type TestUser } from "../testing/index.ts";
import { useSmtpReceiver } from "../testing/smtp.ts";
import { createTestPlace, createTestTemplate, createTestVisit } from "../testing/visits.ts";
import { createRoleMatrix, type Caller, type RoleMatrix } from "./matrix.ts";
import { TENANT_PROCEDURES } from "./tenant-procedures.ts";

/**
 * Procedures that widen someone's access (docs/decisions/0148-who-may-widen-access.md), each called on
 * a REAL target by a caller ONE ROLE TOO LOW, who must be refused. The matrix in
 * tenant-procedures.int.test.ts calls with ids that belong to nothing; these prove the rule holds
 * where there is something to gain. For the visit team the step below "may" is inside the
 * workspace's monitors: a monitor who is not the visit's lead, and the lead for what only
 * coordinators may do (decision 0147).
 */
type Targets = {
  visitId: string; leadRowId: string; memberRowId: string; viewerMembershipId: string; placeId: string;
  partner: { id: string; slug: string }; forumId: string; publishVersionId: string;
};
type TooLow = "viewer" | "monitor" | "coordinator" | "admin" | "visit lead" | "partner coordinator";
const ONE_ROLE_TOO_LOW: { procedure: string; tooLow: TooLow; what: string; refusal: string; call: (c: Caller, slug: string, t: Targets) => Promise<unknown> }[] = [
  { procedure: "visits.addTeamMember", tooLow: "monitor", what: "a monitor not on the visit adds themselves", refusal: "visitErrors.teamManagersOnly",
    call: (c, slug, t) => c.visits.addTeamMember({ tenantSlug: slug, visitId: t.visitId, member: { kind: "member", userId: matrix.byRole.get("monitor")!.id, visitRole: "monitor" } }) },
  { procedure: "visits.addTeamMember", tooLow: "visit lead", what: "the visit's lead names a second lead", refusal: "visitErrors.leadByCoordinators",
    call: (c, slug, t) => c.visits.addTeamMember({ tenantSlug: slug, visitId: t.visitId, member: { kind: "member", userId: matrix.byRole.get("monitor")!.id, visitRole: "lead" } }) },
  { procedure: "visits.removeTeamMember", tooLow: "monitor", what: "a monitor not on the visit removes its lead", refusal: "visitErrors.teamManagersOnly",
    call: (c, slug, t) => c.visits.removeTeamMember({ tenantSlug: slug, visitId: t.visitId, teamMemberId: t.leadRowId }) },
  { procedure: "visits.removeTeamMember", tooLow: "visit lead", what: "the visit's lead removes themselves as lead", refusal: "visitErrors.leadByCoordinators",
    call: (c, slug, t) => c.visits.removeTeamMember({ tenantSlug: slug, visitId: t.visitId, teamMemberId: t.leadRowId }) },
  { procedure: "visits.plan", tooLow: "viewer", what: "a viewer plans a visit with themselves on its team", refusal: "errors.forbidden",
    call: (c, slug, t) => c.visits.plan({ tenantSlug: slug, placeId: t.placeId, type: "ad_hoc", announced: false, nightVisit: false, plannedStart: "2026-07-01", plannedEnd: "2026-07-01", team: [{ kind: "member", userId: matrix.byRole.get("viewer")!.id, visitRole: "lead" }] }) },
  { procedure: "members.changeRole", tooLow: "coordinator", what: "a coordinator raises a viewer to admin", refusal: "errors.forbidden",
    call: (c, slug, t) => c.members.changeRole({ tenantSlug: slug, membershipId: t.viewerMembershipId, role: "admin" }) },
  { procedure: "members.changeRole", tooLow: "admin", what: "an admin raises a viewer to owner", refusal: "errors.adminCannotManageOwner",
    call: (c, slug, t) => c.members.changeRole({ tenantSlug: slug, membershipId: t.viewerMembershipId, role: "owner" }) },
  { procedure: "members.invite", tooLow: "coordinator", what: "a coordinator invites someone as a monitor", refusal: "errors.forbidden",
    call: (c, slug) => c.members.invite({ tenantSlug: slug, email: `${unique("low")}@example.org`, role: "monitor" }) },
  { procedure: "members.invite", tooLow: "admin", what: "an admin invites someone as an owner", refusal: "errors.adminCannotManageOwner",
    call: (c, slug) => c.members.invite({ tenantSlug: slug, email: `${unique("low")}@example.org`, role: "owner" }) },
  { procedure: "jointVisits.setAllowed", tooLow: "coordinator", what: "a coordinator opens the workspace to joint-visit invitations", refusal: "errors.forbidden",
    call: (c, slug) => c.jointVisits.setAllowed({ tenantSlug: slug, allow: true }) },
  { procedure: "jointVisits.invite", tooLow: "monitor", what: "a monitor invites a partner workspace to the visit", refusal: "errors.forbidden",
    call: (c, slug, t) => c.jointVisits.invite({ tenantSlug: slug, visitId: t.visitId, partnerTenantId: t.partner.id, confirmSlug: t.partner.slug }) },
  { procedure: "jointVisits.setInterviewSharing", tooLow: "coordinator", what: "a coordinator shares the visit's interviews with the partner", refusal: "errors.forbidden",
    call: (c, slug, t) => c.jointVisits.setInterviewSharing({ tenantSlug: slug, visitId: t.visitId, partnerTenantId: t.partner.id, share: true }) },
  { procedure: "jointVisits.respond", tooLow: "partner coordinator", what: "the partner's coordinator accepts the invitation", refusal: "errors.forbidden",
    call: (c, _slug, t) => c.jointVisits.respond({ tenantSlug: t.partner.slug, hostTenantId: matrix.workspace.id, visitId: t.visitId, accept: true }) },
  { procedure: "jointVisits.nominate", tooLow: "partner coordinator", what: "the partner's coordinator nominates themselves", refusal: "errors.forbidden",
    call: (c, _slug, t) => c.jointVisits.nominate({ tenantSlug: t.partner.slug, hostTenantId: matrix.workspace.id, visitId: t.visitId, userId: partnerCoordinator.id, visitRole: "monitor" }) },
  { procedure: "forums.invite", tooLow: "coordinator", what: "a coordinator invites a workspace to the forum", refusal: "errors.forbidden",
    call: (c, slug, t) => c.forums.invite({ tenantSlug: slug, forumId: t.forumId, workspaceIds: [t.partner.id] }) },
  { procedure: "forums.respond", tooLow: "partner coordinator", what: "the invited workspace's coordinator joins the forum", refusal: "errors.forbidden",
    call: (c, _slug, t) => c.forums.respond({ tenantSlug: t.partner.slug, forumId: t.forumId, accept: true }) },
  { procedure: "forums.setBenchmarkOptIn", tooLow: "coordinator", what: "a coordinator adds the workspace's figures to the forum benchmark", refusal: "errors.forbidden",
    call: (c, slug, t) => c.forums.setBenchmarkOptIn({ tenantSlug: slug, forumId: t.forumId, optIn: true }) },
  { procedure: "forums.shareDocument", tooLow: "monitor", what: "a monitor shares a document with the forum's workspaces", refusal: "errors.forbidden",
    call: (c, slug, t) => c.forums.shareDocument({ tenantSlug: slug, forumId: t.forumId, title: "Annual report" }) },
  { procedure: "library.publish", tooLow: "monitor", what: "a monitor publishes a template to every workspace", refusal: "errors.forbidden",
    call: (c, slug, t) => c.library.publish({ tenantSlug: slug, versionId: t.publishVersionId }) },
  { procedure: "twoFactor.setWorkspaceRequirement", tooLow: "admin", what: "an admin lowers the workspace's sign-in bar", refusal: "errors.forbidden",
    call: (c, slug) => c.twoFactor.setWorkspaceRequirement({ tenantSlug: slug, required: false }) },
  { procedure: "workspaceExport.start", tooLow: "admin", what: "an admin exports the whole workspace", refusal: "errors.forbidden",
    call: (c, slug) => c.workspaceExport.start({ tenantSlug: slug, reauthentication: TEST_PASSWORD }) },
];

useSmtpReceiver();
let matrix: RoleMatrix;
let targets: Targets;
let lead: TestUser;
let partnerCoordinator: TestUser;

function callerOf(tooLow: TooLow): TestUser {
  if (tooLow === "visit lead") return lead;
  if (tooLow === "partner coordinator") return partnerCoordinator;
  return matrix.byRole.get(tooLow)!;
}

describe("procedures that widen access", () => {
  beforeAll(async () => {
    matrix = await createRoleMatrix();
    lead = await createTestUser("Lead Monitor");
    await addMember(matrix.workspace.id, lead, "monitor");
    const visit = await createTestVisit(matrix.workspace.id, { status: "planned", team: [{ id: lead.id, visitRole: "lead" }, { id: matrix.byRole.get("viewer")!.id }] });
    const team = await withTenant(matrix.workspace.id, null, (tx) => tx.visitTeamMember.findMany({ where: { visitId: visit.id }, select: { id: true, visitRole: true } }));
    const viewerMembership = await withTenant(matrix.workspace.id, null, (tx) => tx.membership.findFirstOrThrow({ where: { userId: matrix.byRole.get("viewer")!.id }, select: { id: true } }));
    const place = await createTestPlace(matrix.workspace.id);
    // A partner workspace that accepts joint visits, invited to the visit and to a forum by the owner.
    const partnerOwner = await createTestUser();
    const partner = await createTestWorkspace(partnerOwner);
    partnerCoordinator = await createTestUser("Partner Coordinator");
    await addMember(partner.id, partnerCoordinator, "coordinator");
    const owners = { here: (await callerFor(matrix.owner)).caller, there: (await callerFor(partnerOwner)).caller };
    await owners.there.jointVisits.setAllowed({ tenantSlug: partner.slug, allow: true });
    await owners.here.jointVisits.invite({ tenantSlug: matrix.workspace.slug, visitId: visit.id, partnerTenantId: partner.id, confirmSlug: partner.slug });
    const forum = await owners.here.forums.create({ tenantSlug: matrix.workspace.slug, name: unique("Forum") });
    await owners.here.forums.invite({ tenantSlug: matrix.workspace.slug, forumId: forum.id, workspaceIds: [partner.id] });
    const template = await createTestTemplate(matrix.workspace.id, ["prison"]);
    targets = {
      visitId: visit.id, leadRowId: team.find((m) => m.visitRole === "lead")!.id, memberRowId: team.find((m) => m.visitRole !== "lead")!.id,
      viewerMembershipId: viewerMembership.id, placeId: place.id, partner: { id: partner.id, slug: partner.slug }, forumId: forum.id,
      publishVersionId: template.versionId,
    };
  });

  it("each row names a tenant procedure, and a role exactly one below the procedure's minimum", () => {
    for (const row of ONE_ROLE_TOO_LOW) {
      const procedure = TENANT_PROCEDURES[row.procedure];
      expect(procedure, row.procedure).toBeDefined();
      const role = row.tooLow === "visit lead" ? "monitor" : row.tooLow === "partner coordinator" ? "coordinator" : row.tooLow;
      // The team rows are one step below inside the monitors (not the lead; the lead for the lead);
      // "admin" rows for owner-only changes are the admin that the service, not the gate, refuses.
      const gate = ROLE_ORDER.indexOf(procedure!.minRole);
      expect([gate, gate + 1], `${row.procedure}: ${row.tooLow}`).toContain(ROLE_ORDER.indexOf(role));
    }
  });

  it.each(ONE_ROLE_TOO_LOW.map((row) => [`${row.procedure}: ${row.what}`, row] as const))("%s is refused", async (_label, row) => {
    const { caller } = await callerFor(callerOf(row.tooLow));
    expect(await refusalOf(row.call(caller, matrix.workspace.slug, targets))).toBe(`FORBIDDEN ${row.refusal}`);
  });

  it("and nothing changed: the team, the roles, the partnership and the forum are as they were", async () => {
    const team = await withTenant(matrix.workspace.id, null, (tx) => tx.visitTeamMember.findMany({ where: { visitId: targets.visitId }, select: { userId: true, visitRole: true } }));
    expect(team.map((m) => `${m.visitRole}:${m.userId}`).sort()).toEqual([`lead:${lead.id}`, `monitor:${matrix.byRole.get("viewer")!.id}`].sort());
    const viewer = await withTenant(matrix.workspace.id, null, (tx) => tx.membership.findFirst({ where: { id: targets.viewerMembershipId }, select: { role: true } }));
    expect(viewer?.role).toBe("viewer");
    const partnership = await withTenant(matrix.workspace.id, null, (tx) => tx.visitPartner.findFirst({ where: { visitId: targets.visitId }, select: { status: true, shareInterviews: true } }));
    expect(partnership).toEqual({ status: "invited", shareInterviews: false });
  });
});
