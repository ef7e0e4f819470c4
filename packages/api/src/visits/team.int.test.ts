import { withTenant } from "@vigil/db";
import { beforeAll, describe, expect, it } from "vitest";
import { addMember, callerFor, createTestUser, createTestWorkspace, refusalOf, type TestUser } from "../testing/index.ts";
import { auditTrail, createTestPlace, createTestVisit, planInput } from "../testing/visits.ts";

/**
 * Need to know cannot be self-granted (docs/decisions/0147-who-manages-a-visit-team.md): a visit's
 * team reads its interviews, so only the visit's lead and coordinators and above change the team,
 * and only coordinators and above name, change or remove the lead.
 */
const NOTES = "Was kept in the cell for three days without seeing a lawyer.";
let owner: TestUser, coordinator: TestUser, lead: TestUser, teamMonitor: TestUser, outsideMonitor: TestUser, viewer: TestUser;
let workspace: { id: string; slug: string };

beforeAll(async () => {
  owner = await createTestUser("Olga Owner");
  [coordinator, lead, teamMonitor, outsideMonitor, viewer] = await Promise.all([
    createTestUser("Cveta Coordinator"), createTestUser("Lazar Lead"), createTestUser("Tamara Team"), createTestUser("Oskar Outside"), createTestUser("Vid Viewer"),
  ]);
  workspace = await createTestWorkspace(owner);
  await addMember(workspace.id, coordinator, "coordinator");
  await addMember(workspace.id, lead, "monitor");
  await addMember(workspace.id, teamMonitor, "monitor");
  await addMember(workspace.id, outsideMonitor, "monitor");
  await addMember(workspace.id, viewer, "viewer");
});

/** A visit led by `lead`, with `teamMonitor` on it and one interview with notes. */
async function visitWithInterview() {
  const visit = await createTestVisit(workspace.id, { team: [{ id: lead.id, visitRole: "lead" }, { id: teamMonitor.id }] });
  const { caller } = await callerFor(teamMonitor);
  const interview = await caller.interviews.create({ tenantSlug: workspace.slug, visitId: visit.id, pseudonym: "K-1", category: "detainee", consentGiven: true, notes: NOTES });
  const team = await withTenant(workspace.id, null, (tx) => tx.visitTeamMember.findMany({ where: { visitId: visit.id }, select: { id: true, userId: true, visitRole: true } }));
  const leadRow = team.find((m) => m.visitRole === "lead")!;
  const memberRow = team.find((m) => m.userId === teamMonitor.id)!;
  return { visit, interview, leadRow, memberRow };
}

const self = (user: TestUser, visitRole: "lead" | "monitor" = "monitor") => ({ kind: "member" as const, userId: user.id, visitRole });

describe("a monitor who is not on the visit", () => {
  it("cannot add themselves, so never reads its interviews", async () => {
    const { visit, interview } = await visitWithInterview();
    const { caller } = await callerFor(outsideMonitor);
    expect(await refusalOf(caller.visits.addTeamMember({ tenantSlug: workspace.slug, visitId: visit.id, member: self(outsideMonitor) }))).toBe(
      "FORBIDDEN visitErrors.teamManagersOnly",
    );
    expect(await refusalOf(caller.interviews.list({ tenantSlug: workspace.slug, visitId: visit.id }))).toBe("NOT_FOUND errors.notFound");
    expect(await refusalOf(caller.interviews.readNotes({ tenantSlug: workspace.slug, interviewId: interview.id }))).toBe("NOT_FOUND errors.notFound");
    const team = await withTenant(workspace.id, null, (tx) => tx.visitTeamMember.count({ where: { visitId: visit.id, userId: outsideMonitor.id } }));
    expect(team).toBe(0);
  });

  it("cannot add anyone else, an external expert nor remove the lead or a member", async () => {
    const { visit, leadRow, memberRow } = await visitWithInterview();
    const { caller } = await callerFor(outsideMonitor);
    const base = { tenantSlug: workspace.slug, visitId: visit.id };
    expect(await refusalOf(caller.visits.addTeamMember({ ...base, member: self(viewer) }))).toBe("FORBIDDEN visitErrors.teamManagersOnly");
    expect(await refusalOf(caller.visits.addTeamMember({ ...base, member: { kind: "external", name: "Dr. Who", visitRole: "doctor" } }))).toBe("FORBIDDEN visitErrors.teamManagersOnly");
    expect(await refusalOf(caller.visits.removeTeamMember({ ...base, teamMemberId: leadRow.id }))).toBe("FORBIDDEN visitErrors.teamManagersOnly");
    expect(await refusalOf(caller.visits.removeTeamMember({ ...base, teamMemberId: memberRow.id }))).toBe("FORBIDDEN visitErrors.teamManagersOnly");
    expect(await withTenant(workspace.id, null, (tx) => tx.visitTeamMember.count({ where: { visitId: visit.id } }))).toBe(2);
    expect(await auditTrail(workspace.id, visit.id)).toEqual([]);
  });

  it("a team member who is not the lead cannot change the team either", async () => {
    const { visit, leadRow } = await visitWithInterview();
    const { caller } = await callerFor(teamMonitor);
    expect(await refusalOf(caller.visits.addTeamMember({ tenantSlug: workspace.slug, visitId: visit.id, member: self(outsideMonitor) }))).toBe(
      "FORBIDDEN visitErrors.teamManagersOnly",
    );
    expect(await refusalOf(caller.visits.removeTeamMember({ tenantSlug: workspace.slug, visitId: visit.id, teamMemberId: leadRow.id }))).toBe(
      "FORBIDDEN visitErrors.teamManagersOnly",
    );
  });
});

describe("the visit's lead", () => {
  it("adds and removes the other members, audited with who, whom and which visit", async () => {
    const { visit, memberRow } = await visitWithInterview();
    const { caller } = await callerFor(lead);
    const base = { tenantSlug: workspace.slug, visitId: visit.id };
    expect((await caller.visits.get(base)).teamManagement).toEqual({ members: true, lead: false });
    const added = await caller.visits.addTeamMember({ ...base, member: { kind: "member", userId: outsideMonitor.id, visitRole: "interpreter" } });
    await caller.visits.removeTeamMember({ ...base, teamMemberId: memberRow.id });
    expect(await auditTrail(workspace.id, visit.id)).toEqual([
      { action: "visit.teamMemberAdded", actorId: lead.id, details: { teamMemberId: added.id, userId: outsideMonitor.id, visitRole: "interpreter" } },
      { action: "visit.teamMemberRemoved", actorId: lead.id, details: { teamMemberId: memberRow.id, userId: teamMonitor.id, externalName: null, visitRole: "monitor" } },
    ]);
    // Now on the team, the added member reads the interviews; the removed one no longer does.
    expect((await (await callerFor(outsideMonitor)).caller.interviews.list(base)).interviews).toHaveLength(1);
    expect(await refusalOf((await callerFor(teamMonitor)).caller.interviews.list(base))).toBe("NOT_FOUND errors.notFound");
  });

  it("cannot name another lead, nor remove themselves as lead", async () => {
    const { visit, leadRow } = await visitWithInterview();
    const { caller } = await callerFor(lead);
    const base = { tenantSlug: workspace.slug, visitId: visit.id };
    expect(await refusalOf(caller.visits.addTeamMember({ ...base, member: self(outsideMonitor, "lead") }))).toBe("FORBIDDEN visitErrors.leadByCoordinators");
    expect(await refusalOf(caller.visits.removeTeamMember({ ...base, teamMemberId: leadRow.id }))).toBe("FORBIDDEN visitErrors.leadByCoordinators");
  });

  it("manages only the visit they lead", async () => {
    await visitWithInterview();
    const other = await createTestVisit(workspace.id, { team: [{ id: teamMonitor.id }] });
    const { caller } = await callerFor(lead);
    expect(await refusalOf(caller.visits.addTeamMember({ tenantSlug: workspace.slug, visitId: other.id, member: self(lead) }))).toBe(
      "FORBIDDEN visitErrors.teamManagersOnly",
    );
    expect((await caller.visits.get({ tenantSlug: workspace.slug, visitId: other.id })).teamManagement).toEqual({ members: false, lead: false });
  });

  it("a viewer named lead still cannot change the team (viewers only read)", async () => {
    const visit = await createTestVisit(workspace.id, { team: [{ id: viewer.id, visitRole: "lead" }] });
    const { caller } = await callerFor(viewer);
    expect(await refusalOf(caller.visits.addTeamMember({ tenantSlug: workspace.slug, visitId: visit.id, member: self(outsideMonitor) }))).toBe("FORBIDDEN errors.forbidden");
    expect((await caller.visits.get({ tenantSlug: workspace.slug, visitId: visit.id })).teamManagement).toEqual({ members: false, lead: false });
  });
});

describe("coordinators and above", () => {
  it("name, replace and remove the lead", async () => {
    const { visit, leadRow } = await visitWithInterview();
    const { caller } = await callerFor(coordinator);
    const base = { tenantSlug: workspace.slug, visitId: visit.id };
    expect((await caller.visits.get(base)).teamManagement).toEqual({ members: true, lead: true });
    await caller.visits.removeTeamMember({ ...base, teamMemberId: leadRow.id });
    await caller.visits.addTeamMember({ ...base, member: self(outsideMonitor, "lead") });
    const team = (await caller.visits.get(base)).team;
    expect(team.filter((m) => m.visitRole === "lead").map((m) => m.user?.id)).toEqual([outsideMonitor.id]);
    expect((await auditTrail(workspace.id, visit.id)).map((e) => [e.action, e.actorId, (e.details as { userId?: string }).userId])).toEqual([
      ["visit.teamMemberRemoved", coordinator.id, lead.id],
      ["visit.teamMemberAdded", coordinator.id, outsideMonitor.id],
    ]);
  });
});

describe("planning", () => {
  it("the planner sets the first team, and each person put on it is audited by name", async () => {
    const place = await createTestPlace(workspace.id);
    const { caller } = await callerFor(outsideMonitor);
    const { id } = await caller.visits.plan(planInput(workspace.slug, place.id, {
      team: [self(outsideMonitor, "lead"), self(teamMonitor), { kind: "external", name: "Dr. Ema Expert", visitRole: "doctor" }],
    }));
    // One transaction, so one timestamp: compared without order.
    const trail = await auditTrail(workspace.id, id);
    expect(trail.map((e) => e.action).sort()).toEqual(["visit.planned", "visit.teamMemberAdded", "visit.teamMemberAdded", "visit.teamMemberAdded"]);
    const whom = trail
      .filter((e) => e.action === "visit.teamMemberAdded")
      .map((e) => { const details = e.details as { userId?: string; externalName?: string }; return `${e.actorId}>${details.userId ?? details.externalName}`; });
    expect(whom.sort()).toEqual([`${outsideMonitor.id}>${outsideMonitor.id}`, `${outsideMonitor.id}>${teamMonitor.id}`, `${outsideMonitor.id}>Dr. Ema Expert`].sort());
    // Having planned it as its lead, the planner manages the rest of the team from now on.
    expect((await caller.visits.get({ tenantSlug: workspace.slug, visitId: id })).teamManagement).toEqual({ members: true, lead: false });
  });
});
