import { withTenant } from "@vigil/db";
import { beforeAll, describe, expect, it } from "vitest";
import { addMember, callerFor, createTestUser, createTestWorkspace, refusalOf, type TestUser } from "../testing/index.ts";
import { auditTrail, createTestPlace, createTestTemplate, planInput } from "../testing/visits.ts";

let owner: TestUser;
let monitor: TestUser;
let viewer: TestUser;
let workspace: { id: string; slug: string };
let place: { id: string };

beforeAll(async () => {
  owner = await createTestUser("Jelena Lead");
  monitor = await createTestUser("Marko Monitor");
  viewer = await createTestUser("Vesna Viewer");
  workspace = await createTestWorkspace(owner);
  await addMember(workspace.id, monitor, "monitor");
  await addMember(workspace.id, viewer, "viewer");
  place = await createTestPlace(workspace.id, { type: "police_custody", region: "Rasina" });
});

describe("planning a visit", () => {
  it("a monitor plans a night visit with a template version and a team of a member and an external expert, audited", async () => {
    const template = await createTestTemplate(workspace.id, ["police_custody"]);
    const { caller } = await callerFor(monitor);
    const { id } = await caller.visits.plan(
      planInput(workspace.slug, place.id, {
        type: "ad_hoc",
        nightVisit: true,
        templateVersionId: template.versionId,
        team: [
          { kind: "member", userId: owner.id, visitRole: "lead" },
          { kind: "external", name: "Dr. Milan Ilić", expertise: "Forensic medicine", visitRole: "doctor" },
        ],
      }),
    );
    const visit = await caller.visits.get({ tenantSlug: workspace.slug, visitId: id });
    expect(visit).toMatchObject({ status: "planned", type: "ad_hoc", nightVisit: true, announced: false, editable: true, nextStatuses: ["in_progress", "cancelled"] });
    expect(visit.plannedStart.toISOString().slice(0, 10)).toBe("2026-03-10");
    expect(visit.templateVersion?.id).toBe(template.versionId);
    expect(visit.team.map((m) => [m.visitRole, m.user?.name ?? m.externalName, m.externalExpertise])).toEqual([
      ["lead", "Jelena Lead", null],
      ["doctor", "Dr. Milan Ilić", "Forensic medicine"],
    ]);
    // The planning and each person put on the team (whom, by whom), in one transaction.
    const trail = await auditTrail(workspace.id, id);
    expect(trail).toHaveLength(3);
    expect(trail).toEqual(expect.arrayContaining([
      expect.objectContaining({ action: "visit.planned", actorId: monitor.id }),
      expect.objectContaining({ action: "visit.teamMemberAdded", actorId: monitor.id, details: expect.objectContaining({ userId: owner.id, visitRole: "lead" }) }),
      expect.objectContaining({ action: "visit.teamMemberAdded", actorId: monitor.id, details: expect.objectContaining({ externalName: "Dr. Milan Ilić", visitRole: "doctor" }) }),
    ]));
  });

  it("refuses a person who is not a member of the workspace, and plans nothing", async () => {
    const stranger = await createTestUser("Stranger");
    const { caller } = await callerFor(owner);
    const before = await withTenant(workspace.id, null, (tx) => tx.visit.count());
    const attempt = caller.visits.plan(planInput(workspace.slug, place.id, { team: [{ kind: "member", userId: stranger.id, visitRole: "monitor" }] }));
    expect(await refusalOf(attempt)).toBe("BAD_REQUEST visitErrors.notAMember");
    expect(await withTenant(workspace.id, null, (tx) => tx.visit.count())).toBe(before);
  });

  it("refuses a template for another place type, an unpublished draft, an archived place and an end before the start", async () => {
    const { caller } = await callerFor(owner);
    const prisonTemplate = await createTestTemplate(workspace.id, ["prison"], { draft: true });
    const custodyTemplate = await createTestTemplate(workspace.id, ["police_custody"], { draft: true });
    const archived = await createTestPlace(workspace.id, { archived: true });
    expect(await refusalOf(caller.visits.plan(planInput(workspace.slug, place.id, { templateVersionId: prisonTemplate.versionId })))).toBe(
      "BAD_REQUEST visitErrors.templateDoesNotFit",
    );
    expect(await refusalOf(caller.visits.plan(planInput(workspace.slug, place.id, { templateVersionId: custodyTemplate.draftId })))).toBe(
      "BAD_REQUEST visitErrors.templateNotPublished",
    );
    expect(await refusalOf(caller.visits.plan(planInput(workspace.slug, archived.id)))).toBe("CONFLICT visitErrors.placeArchived");
    expect(await refusalOf(caller.visits.plan(planInput(workspace.slug, place.id, { plannedStart: "2026-03-12", plannedEnd: "2026-03-11" })))).toMatch(/^BAD_REQUEST/);
  });

  it("a viewer cannot plan a visit", async () => {
    const { caller } = await callerFor(viewer);
    expect(await refusalOf(caller.visits.plan(planInput(workspace.slug, place.id)))).toBe("FORBIDDEN errors.forbidden");
  });

  it("offers only published versions of templates that apply to the chosen place", async () => {
    const fits = await createTestTemplate(workspace.id, ["police_custody", "pre_trial_detention"], { draft: true });
    const other = await createTestTemplate(workspace.id, ["psychiatric_hospital"]);
    const { caller } = await callerFor(monitor);
    const options = await caller.visits.planningOptions({ tenantSlug: workspace.slug, placeId: place.id });
    const offered = options.templateVersions.map((v) => v.id);
    expect(offered).toContain(fits.versionId);
    expect(offered).not.toContain(fits.draftId);
    expect(offered).not.toContain(other.versionId);
    expect(options.members.map((m) => m.name)).toEqual(["Jelena Lead", "Marko Monitor", "Vesna Viewer"]);
  });
});

describe("editing the plan and the team", () => {
  it("changes the plan while editable, and refuses once the report is sent", async () => {
    const { caller } = await callerFor(monitor);
    const { id } = await caller.visits.plan(planInput(workspace.slug, place.id));
    await caller.visits.updatePlan({ ...planInput(workspace.slug, place.id), visitId: id, type: "follow_up", announced: true, plannedEnd: "2026-03-13", objectives: "" });
    const visit = await caller.visits.get({ tenantSlug: workspace.slug, visitId: id });
    expect(visit).toMatchObject({ type: "follow_up", announced: true, objectives: null });
    expect(visit.plannedEnd.toISOString().slice(0, 10)).toBe("2026-03-13");

    await withTenant(workspace.id, null, (tx) => tx.visit.updateMany({ where: { id }, data: { status: "report_sent" } }));
    expect(await refusalOf(caller.visits.updatePlan({ ...planInput(workspace.slug, place.id), visitId: id }))).toBe("CONFLICT visitErrors.notEditable");
    expect(await refusalOf(caller.visits.addTeamMember({ tenantSlug: workspace.slug, visitId: id, member: { kind: "external", name: "Late", visitRole: "lawyer" } }))).toBe(
      "CONFLICT visitErrors.notEditable",
    );
    expect((await auditTrail(workspace.id, id)).map((e) => e.action)).toEqual(["visit.planned", "visit.planUpdated"]);
  });

  it("keeps the template version once the checklist has answers", async () => {
    const first = await createTestTemplate(workspace.id, ["police_custody"]);
    const second = await createTestTemplate(workspace.id, ["police_custody"]);
    const { caller } = await callerFor(owner);
    const { id } = await caller.visits.plan(planInput(workspace.slug, place.id, { templateVersionId: first.versionId }));
    await withTenant(workspace.id, null, (tx) => tx.checklistAnswer.create({ data: { tenantId: workspace.id, visitId: id, questionId: "register", value: "yes" } }));
    const change = caller.visits.updatePlan({ ...planInput(workspace.slug, place.id), visitId: id, templateVersionId: second.versionId });
    expect(await refusalOf(change)).toBe("CONFLICT visitErrors.templateLocked");
    // The rest of the plan can still change with the same version.
    await caller.visits.updatePlan({ ...planInput(workspace.slug, place.id), visitId: id, templateVersionId: first.versionId, nightVisit: true });
    expect((await caller.visits.get({ tenantSlug: workspace.slug, visitId: id })).nightVisit).toBe(true);
  });

  it("adds and removes team members; a person is on a team once; only members can be added", async () => {
    // The monitor plans the visit as its lead, so manages its team (decision 0147).
    const { caller } = await callerFor(monitor);
    const { id } = await caller.visits.plan(planInput(workspace.slug, place.id, { team: [{ kind: "member", userId: monitor.id, visitRole: "lead" }] }));
    const added = await caller.visits.addTeamMember({ tenantSlug: workspace.slug, visitId: id, member: { kind: "member", userId: viewer.id, visitRole: "interpreter" } });
    await caller.visits.addTeamMember({ tenantSlug: workspace.slug, visitId: id, member: { kind: "external", name: "Dr. Ivana Psych", expertise: "Psychiatry", visitRole: "psychiatrist" } });
    expect(await refusalOf(caller.visits.addTeamMember({ tenantSlug: workspace.slug, visitId: id, member: { kind: "member", userId: viewer.id, visitRole: "monitor" } }))).toBe(
      "CONFLICT visitErrors.alreadyOnTeam",
    );
    const stranger = await createTestUser();
    expect(await refusalOf(caller.visits.addTeamMember({ tenantSlug: workspace.slug, visitId: id, member: { kind: "member", userId: stranger.id, visitRole: "monitor" } }))).toBe(
      "BAD_REQUEST visitErrors.notAMember",
    );
    await caller.visits.removeTeamMember({ tenantSlug: workspace.slug, visitId: id, teamMemberId: added.id });
    const team = (await caller.visits.get({ tenantSlug: workspace.slug, visitId: id })).team;
    expect(team.map((m) => m.externalName ?? m.user?.name)).toEqual(["Marko Monitor", "Dr. Ivana Psych"]);
    expect((await auditTrail(workspace.id, id)).map((e) => e.action).sort()).toEqual(
      ["visit.planned", "visit.teamMemberAdded", "visit.teamMemberAdded", "visit.teamMemberAdded", "visit.teamMemberRemoved"].sort(),
    );
  });

  it("a viewer can read a visit but cannot change its plan, team or status", async () => {
    const { id } = await (await callerFor(owner)).caller.visits.plan(planInput(workspace.slug, place.id));
    const { caller } = await callerFor(viewer);
    expect((await caller.visits.get({ tenantSlug: workspace.slug, visitId: id })).id).toBe(id);
    expect(await refusalOf(caller.visits.updatePlan({ ...planInput(workspace.slug, place.id), visitId: id }))).toBe("FORBIDDEN errors.forbidden");
    expect(await refusalOf(caller.visits.addTeamMember({ tenantSlug: workspace.slug, visitId: id, member: { kind: "external", name: "X", visitRole: "lawyer" } }))).toBe(
      "FORBIDDEN errors.forbidden",
    );
    expect(await refusalOf(caller.visits.transition({ tenantSlug: workspace.slug, visitId: id, to: "in_progress" }))).toBe("FORBIDDEN errors.forbidden");
  });
});

describe("another workspace", () => {
  it("cannot see or change a visit, its team or its place even knowing the ids", async () => {
    const { caller: ownCaller } = await callerFor(owner);
    const { id } = await ownCaller.visits.plan(planInput(workspace.slug, place.id, { team: [{ kind: "external", name: "Dr. Expert", visitRole: "doctor" }] }));
    const teamMemberId = (await ownCaller.visits.get({ tenantSlug: workspace.slug, visitId: id })).team[0]!.id;

    const intruder = await createTestUser();
    const theirs = await createTestWorkspace(intruder);
    const { caller } = await callerFor(intruder);
    const slug = theirs.slug;
    expect(await refusalOf(caller.visits.get({ tenantSlug: slug, visitId: id }))).toBe("NOT_FOUND errors.notFound");
    expect(await refusalOf(caller.visits.preparation({ tenantSlug: slug, visitId: id }))).toBe("NOT_FOUND errors.notFound");
    expect(await refusalOf(caller.visits.updatePlan({ ...planInput(slug, place.id), visitId: id }))).toBe("NOT_FOUND errors.notFound");
    expect(await refusalOf(caller.visits.addTeamMember({ tenantSlug: slug, visitId: id, member: { kind: "external", name: "X", visitRole: "lawyer" } }))).toBe("NOT_FOUND errors.notFound");
    expect(await refusalOf(caller.visits.removeTeamMember({ tenantSlug: slug, visitId: id, teamMemberId }))).toBe("NOT_FOUND errors.notFound");
    expect(await refusalOf(caller.visits.transition({ tenantSlug: slug, visitId: id, to: "cancelled" }))).toBe("NOT_FOUND errors.notFound");
    // Planning in their own workspace with our place's id, or putting our owner on their team, fails too.
    expect(await refusalOf(caller.visits.plan(planInput(slug, place.id)))).toBe("NOT_FOUND errors.notFound");
    const theirPlace = await createTestPlace(theirs.id);
    expect(await refusalOf(caller.visits.plan(planInput(slug, theirPlace.id, { team: [{ kind: "member", userId: owner.id, visitRole: "lead" }] })))).toBe(
      "BAD_REQUEST visitErrors.notAMember",
    );
    // And through our slug they are not a member at all.
    expect(await refusalOf(caller.visits.get({ tenantSlug: workspace.slug, visitId: id }))).toBe("NOT_FOUND errors.notFound");

    const unchanged = await ownCaller.visits.get({ tenantSlug: workspace.slug, visitId: id });
    expect(unchanged).toMatchObject({ status: "planned", type: "in_depth" });
    expect(unchanged.team).toHaveLength(1);
    expect((await caller.visits.list({ tenantSlug: slug })).visits).toEqual([]);
  });
});
