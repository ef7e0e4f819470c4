import { withTenant } from "@vigil/db";
import { beforeAll, describe, expect, it } from "vitest";
import { addMember, callerFor, createTestUser, createTestWorkspace, refusalOf, type TestUser } from "../testing/index.ts";
import { createTestVisit } from "../testing/visits.ts";

async function auditOf(tenantId: string, action: string) {
  return withTenant(tenantId, null, (tx) => tx.auditEvent.findMany({ where: { action }, select: { actorId: true, targetId: true, details: true } }));
}

const NOTES = "Says he was slapped twice in the interview room; asked us not to raise it with the duty officer.";
let owner: TestUser, teamMonitor: TestUser, otherMonitor: TestUser, viewer: TestUser;
let workspace: { id: string; slug: string };
let visit: { id: string; placeName: string };

beforeAll(async () => {
  [owner, teamMonitor, otherMonitor, viewer] = await Promise.all([createTestUser(), createTestUser(), createTestUser(), createTestUser()]);
  workspace = await createTestWorkspace(owner);
  await addMember(workspace.id, teamMonitor, "monitor");
  await addMember(workspace.id, otherMonitor, "monitor");
  await addMember(workspace.id, viewer, "viewer");
  visit = await createTestVisit(workspace.id, { team: [teamMonitor, viewer] });
});

function interview(pseudonym: string, extra: Record<string, unknown> = {}) {
  return { tenantSlug: workspace.slug, visitId: visit.id, pseudonym, category: "detainee" as const, consentGiven: true, ...extra };
}

describe("confidential interviews", () => {
  it("a team member records an interview; notes are read back only through an audited read", async () => {
    const { caller } = await callerFor(teamMonitor);
    const created = await caller.interviews.create(interview("D-01", { allegations: ["during_questioning", "by_staff"], notes: NOTES }));
    expect(created).toMatchObject({ pseudonym: "D-01", hasNotes: true, allegations: ["during_questioning", "by_staff"] });
    expect(JSON.stringify(await caller.interviews.list({ tenantSlug: workspace.slug, visitId: visit.id }))).not.toContain("slapped");

    expect(await caller.interviews.readNotes({ tenantSlug: workspace.slug, interviewId: created.id })).toEqual({ notes: NOTES });
    const reads = await auditOf(workspace.id, "interview.notesRead");
    expect(reads).toContainEqual({ actorId: teamMonitor.id, targetId: created.id, details: { visitId: visit.id } });
    // The audit log itself carries no interview content.
    const everything = await withTenant(workspace.id, null, (tx) => tx.auditEvent.findMany({ where: { targetId: created.id } }));
    expect(JSON.stringify(everything)).not.toContain("slapped");
  });

  it("is invisible to workspace members outside the team, even with the ids; owners and admins see it", async () => {
    const { caller: team } = await callerFor(teamMonitor);
    const created = await team.interviews.create(interview("D-02", { notes: NOTES }));
    const { caller: outside } = await callerFor(otherMonitor);
    expect(await refusalOf(outside.interviews.list({ tenantSlug: workspace.slug, visitId: visit.id }))).toBe("NOT_FOUND errors.notFound");
    expect(await refusalOf(outside.interviews.readNotes({ tenantSlug: workspace.slug, interviewId: created.id }))).toBe("NOT_FOUND errors.notFound");
    expect(await refusalOf(outside.interviews.create(interview("D-99")))).toBe("NOT_FOUND errors.notFound");
    expect(await refusalOf(outside.interviews.checkFollowUp({ tenantSlug: workspace.slug, interviewId: created.id }))).toBe("NOT_FOUND errors.notFound");
    // Row-level security hides the row from them too, whatever the application asks for.
    const seen = await withTenant(workspace.id, otherMonitor.id, (tx) => tx.interview.count({ where: { visitId: visit.id } }));
    expect(seen).toBe(0);
    const failedReads = (await auditOf(workspace.id, "interview.notesRead")).filter((event) => event.actorId === otherMonitor.id);
    expect(failedReads).toEqual([]);

    const { caller: ownerCaller } = await callerFor(owner);
    expect((await ownerCaller.interviews.readNotes({ tenantSlug: workspace.slug, interviewId: created.id })).notes).toBe(NOTES);
  });

  it("without consent records no notes, and withdrawn consent erases them", async () => {
    const { caller } = await callerFor(teamMonitor);
    expect(await refusalOf(caller.interviews.create(interview("D-03", { consentGiven: false, notes: NOTES })))).toBe("BAD_REQUEST interviewErrors.notesWithoutConsent");
    const created = await caller.interviews.create(interview("D-03", { notes: NOTES }));
    const withdrawn = await caller.interviews.update({ ...interview("D-03", { consentGiven: false }), interviewId: created.id });
    expect(withdrawn.hasNotes).toBe(false);
    const row = await withTenant(workspace.id, owner.id, (tx) => tx.interview.findFirst({ where: { id: created.id } }));
    expect(row?.notesCiphertext).toBeNull();
  });

  it("keeps pseudonyms unique within the visit and leaves notes alone when an update omits them", async () => {
    const { caller } = await callerFor(teamMonitor);
    const created = await caller.interviews.create(interview("S-01", { category: "staff", notes: NOTES }));
    expect(await refusalOf(caller.interviews.create(interview("S-01")))).toBe("CONFLICT interviewErrors.pseudonymTaken");
    await caller.interviews.update({ ...interview("S-01", { category: "staff", allegations: ["by_other_detainees"] }), interviewId: created.id });
    expect((await caller.interviews.readNotes({ tenantSlug: workspace.slug, interviewId: created.id })).notes).toBe(NOTES);
  });

  it("a reprisal-risk flag needs a follow-up date and stays due until someone checks it", async () => {
    const { caller } = await callerFor(teamMonitor);
    expect(await refusalOf(caller.interviews.create(interview("D-10", { reprisalRisk: true })))).toBe("BAD_REQUEST interviewErrors.followUpDueRequired");
    const flagged = await caller.interviews.create(interview("D-10", { reprisalRisk: true, followUpDue: "2026-07-01" }));
    const due = await caller.interviews.followUpsDue({ tenantSlug: workspace.slug });
    expect(due).toContainEqual(expect.objectContaining({ id: flagged.id, pseudonym: "D-10", placeName: visit.placeName }));
    // Outside the team it does not appear, not even as a pseudonym.
    const { caller: outside } = await callerFor(otherMonitor);
    expect((await outside.interviews.followUpsDue({ tenantSlug: workspace.slug })).map((f) => f.id)).not.toContain(flagged.id);

    await caller.interviews.checkFollowUp({ tenantSlug: workspace.slug, interviewId: flagged.id });
    expect((await caller.interviews.followUpsDue({ tenantSlug: workspace.slug })).map((f) => f.id)).not.toContain(flagged.id);
    expect(await auditOf(workspace.id, "interview.followUpChecked")).toContainEqual(expect.objectContaining({ actorId: teamMonitor.id, targetId: flagged.id }));
    // A new date opens a new follow-up.
    await caller.interviews.update({ ...interview("D-10", { reprisalRisk: true, followUpDue: "2026-08-01" }), interviewId: flagged.id });
    expect((await caller.interviews.followUpsDue({ tenantSlug: workspace.slug })).map((f) => f.id)).toContain(flagged.id);
  });

  it("lists at most the follow-ups asked for, soonest first, and refuses a limit past 50", async () => {
    const { caller } = await callerFor(teamMonitor);
    for (const [pseudonym, due] of [["L-3", "2026-09-03"], ["L-1", "2026-09-01"], ["L-2", "2026-09-02"]] as const) {
      await caller.interviews.create(interview(pseudonym, { reprisalRisk: true, followUpDue: due }));
    }
    const all = await caller.interviews.followUpsDue({ tenantSlug: workspace.slug });
    const two = await caller.interviews.followUpsDue({ tenantSlug: workspace.slug, limit: 2 });
    expect(two).toEqual(all.slice(0, 2));
    expect(all.length).toBeGreaterThan(2);
    expect(await refusalOf(caller.interviews.followUpsDue({ tenantSlug: workspace.slug, limit: 51 }))).toMatch(/^BAD_REQUEST/);
  });

  it("a viewer on the team may read but not record; a sent report freezes interviews but not follow-ups", async () => {
    const { caller: viewerCaller } = await callerFor(viewer);
    expect(await refusalOf(viewerCaller.interviews.create(interview("D-20")))).toBe("FORBIDDEN errors.forbidden");
    expect((await viewerCaller.interviews.list({ tenantSlug: workspace.slug, visitId: visit.id })).visit).toMatchObject({ id: visit.id, editable: true });

    const sent = await createTestVisit(workspace.id, { status: "report_sent", team: [teamMonitor] });
    const flagged = await withTenant(workspace.id, owner.id, (tx) =>
      tx.interview.create({ data: { tenantId: workspace.id, visitId: sent.id, pseudonym: "D-01", category: "detainee", consentGiven: true, reprisalRisk: true, followUpDue: new Date("2026-07-01") } }),
    );
    const { caller } = await callerFor(teamMonitor);
    expect(await refusalOf(caller.interviews.create({ ...interview("D-02"), visitId: sent.id }))).toBe("CONFLICT visitErrors.notEditable");
    expect(await caller.interviews.checkFollowUp({ tenantSlug: workspace.slug, interviewId: flagged.id })).toEqual({ id: flagged.id, checked: true });
  });

  it("another workspace's member cannot reach them, even knowing the ids", async () => {
    const { caller: team } = await callerFor(teamMonitor);
    const created = await team.interviews.create(interview("D-30", { notes: NOTES, reprisalRisk: true, followUpDue: "2026-07-01" }));
    const stranger = await createTestUser();
    const theirs = await createTestWorkspace(stranger);
    const { caller } = await callerFor(stranger);
    for (const call of [
      () => caller.interviews.list({ tenantSlug: theirs.slug, visitId: visit.id }),
      () => caller.interviews.readNotes({ tenantSlug: theirs.slug, interviewId: created.id }),
      () => caller.interviews.update({ ...interview("X"), tenantSlug: theirs.slug, interviewId: created.id }),
      () => caller.interviews.checkFollowUp({ tenantSlug: theirs.slug, interviewId: created.id }),
      () => caller.interviews.create({ ...interview("X"), tenantSlug: theirs.slug }),
      () => caller.interviews.list({ tenantSlug: workspace.slug, visitId: visit.id }),
    ]) {
      expect(await refusalOf(call())).toBe("NOT_FOUND errors.notFound");
    }
    expect((await caller.interviews.followUpsDue({ tenantSlug: theirs.slug })).map((f) => f.id)).not.toContain(created.id);
    const unchanged = await withTenant(workspace.id, owner.id, (tx) => tx.interview.findFirst({ where: { id: created.id } }));
    expect(unchanged).toMatchObject({ pseudonym: "D-30", followUpCheckedAt: null });
  });
});
