import { TRPCError } from "@trpc/server";
import { withTenant } from "@vigil/db";
import { beforeAll, describe, expect, it } from "vitest";
import { addMember, callerFor, createTestUser, createTestWorkspace, type TestUser } from "../testing/index.ts";
import { createTestVisit, setVisitStatus } from "../testing/checklist.ts";

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error("expected the call to fail");
}

let owner: TestUser;
let monitor: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let workspace: { id: string; slug: string };

beforeAll(async () => {
  owner = await createTestUser("Jelena Petrović");
  monitor = await createTestUser("Marko Jovanović");
  viewer = await createTestUser("Viewer");
  outsider = await createTestUser("Outsider");
  workspace = await createTestWorkspace(owner);
  await addMember(workspace.id, monitor, "monitor");
  await addMember(workspace.id, viewer, "viewer");
  await createTestWorkspace(outsider);
});

describe("checklist.get", () => {
  it("returns the version's questions and the answers, editable for a monitor and read-only for a viewer", async () => {
    const visit = await createTestVisit(workspace.id);
    const { caller } = await callerFor(monitor);
    await caller.checklist.save({ tenantSlug: workspace.slug, visitId: visit.id, questionId: "register-complete", value: "no", note: "Two persons missing", baseRevision: 0 });

    const checklist = await caller.checklist.get({ tenantSlug: workspace.slug, visitId: visit.id });
    expect(checklist.template?.content.sections.map((s) => s.id)).toEqual(["records", "conditions"]);
    expect(checklist.answers).toEqual([
      expect.objectContaining({ questionId: "register-complete", value: "no", note: "Two persons missing", revision: 1, updatedBy: { id: monitor.id, name: "Marko Jovanović" } }),
    ]);
    expect(checklist.canEdit).toBe(true);
    const asViewer = await (await callerFor(viewer)).caller.checklist.get({ tenantSlug: workspace.slug, visitId: visit.id });
    expect(asViewer.canEdit).toBe(false);
    expect(asViewer.answers).toHaveLength(1);
  });

  it("is not found for another workspace's member, even with the visit id", async () => {
    const visit = await createTestVisit(workspace.id);
    const { caller } = await callerFor(outsider);
    const theirs = await createTestWorkspace(outsider);
    expect((await failure(caller.checklist.get({ tenantSlug: theirs.slug, visitId: visit.id }))).code).toBe("NOT_FOUND");
    expect((await failure(caller.checklist.get({ tenantSlug: workspace.slug, visitId: visit.id }))).code).toBe("NOT_FOUND");
  });
});

describe("checklist.save", () => {
  it("keeps every saved state in the history, newest first, with who saved it", async () => {
    const visit = await createTestVisit(workspace.id);
    const marko = (await callerFor(monitor)).caller;
    const first = await marko.checklist.save({ tenantSlug: workspace.slug, visitId: visit.id, questionId: "cell-count", value: 4, note: null, baseRevision: 0 });
    const second = await (await callerFor(owner)).caller.checklist.save({
      tenantSlug: workspace.slug, visitId: visit.id, questionId: "cell-count", value: 5, note: "One cell out of use", baseRevision: first.revision,
    });
    expect(second.revision).toBe(2);
    const history = await (await callerFor(viewer)).caller.checklist.history({ tenantSlug: workspace.slug, visitId: visit.id, questionId: "cell-count" });
    expect(history.map((h) => [h.revision, h.value, h.note, h.changedBy?.name])).toEqual([
      [2, 5, "One cell out of use", "Jelena Petrović"],
      [1, 4, null, "Marko Jovanović"],
    ]);
  });

  it("refuses a stale edit from two editors who started from the same revision, and loses neither", async () => {
    const visit = await createTestVisit(workspace.id);
    const start = await (await callerFor(owner)).caller.checklist.save({
      tenantSlug: workspace.slug, visitId: visit.id, questionId: "conditions-notes", value: "Cells are dark.", note: null, baseRevision: 0,
    });
    const jelena = (await callerFor(owner)).caller;
    const marko = (await callerFor(monitor, { acceptLanguage: "en" })).caller;
    const results = await Promise.allSettled([
      jelena.checklist.save({ tenantSlug: workspace.slug, visitId: visit.id, questionId: "conditions-notes", value: "Cells are dark and damp.", note: null, baseRevision: start.revision }),
      marko.checklist.save({ tenantSlug: workspace.slug, visitId: visit.id, questionId: "conditions-notes", value: "No natural light in cells.", note: null, baseRevision: start.revision }),
    ]);
    const refused = results.filter((r) => r.status === "rejected");
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const error = (refused[0] as PromiseRejectedResult).reason as TRPCError;
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe("checklistErrors.staleAnswer");

    // The refused editor keeps theirs by saving on top of the newer revision.
    const winner = (results.find((r) => r.status === "fulfilled") as PromiseFulfilledResult<{ value: unknown }>).value.value;
    const loserValue = winner === "Cells are dark and damp." ? "No natural light in cells." : "Cells are dark and damp.";
    const loser = winner === "Cells are dark and damp." ? marko : jelena;
    const kept = await loser.checklist.save({ tenantSlug: workspace.slug, visitId: visit.id, questionId: "conditions-notes", value: loserValue, note: null, baseRevision: 2 });
    expect(kept.revision).toBe(3);
    const history = await jelena.checklist.history({ tenantSlug: workspace.slug, visitId: visit.id, questionId: "conditions-notes" });
    expect(history.map((h) => h.value)).toEqual([loserValue, winner, "Cells are dark."]);
  });

  it("translates the conflict and names who saved the newer answer", async () => {
    const visit = await createTestVisit(workspace.id);
    await (await callerFor(monitor)).caller.checklist.save({ tenantSlug: workspace.slug, visitId: visit.id, questionId: "register-complete", value: "yes", note: null, baseRevision: 0 });
    const { caller } = await callerFor(owner);
    // The HTTP layer formats errors in the caller's language; check the formatter's output here.
    const { describeError } = await import("../core/error-format.ts");
    const { translator } = await import("@vigil/i18n");
    try {
      await caller.checklist.save({ tenantSlug: workspace.slug, visitId: visit.id, questionId: "register-complete", value: "no", note: null, baseRevision: 0 });
      expect.unreachable();
    } catch (error) {
      expect(describeError(error as TRPCError, translator("en")).message).toContain("Marko Jovanović");
      expect(describeError(error as TRPCError, translator("sr-Cyrl")).message).toContain("Marko Jovanović");
    }
  });

  it("a second first answer to the same question conflicts instead of overwriting", async () => {
    const visit = await createTestVisit(workspace.id);
    await (await callerFor(monitor)).caller.checklist.save({ tenantSlug: workspace.slug, visitId: visit.id, questionId: "cell-size", value: "6 m²", note: null, baseRevision: 0 });
    const stale = await failure((await callerFor(owner)).caller.checklist.save({ tenantSlug: workspace.slug, visitId: visit.id, questionId: "cell-size", value: "5 m²", note: null, baseRevision: 0 }));
    expect(stale.code).toBe("CONFLICT");
    // Saving exactly what is already there is no conflict and adds no revision.
    const same = await (await callerFor(owner)).caller.checklist.save({ tenantSlug: workspace.slug, visitId: visit.id, questionId: "cell-size", value: "6 m²", note: null, baseRevision: 0 });
    expect(same.revision).toBe(1);
  });

  it.each([
    ["register-complete", "maybe"],
    ["register-format", "fax"],
    ["rights-languages", ["sr", "de"]],
    ["cell-count", "four"],
    ["cell-size", 6],
    ["conditions-notes", { text: "x" }],
    ["last-renovation", "12 June 2014"],
    ["cell-size", "x".repeat(501)],
  ])("refuses %s = %j, a value of the wrong kind", async (questionId, value) => {
    const visit = await createTestVisit(workspace.id);
    const refused = await failure((await callerFor(monitor)).caller.checklist.save({ tenantSlug: workspace.slug, visitId: visit.id, questionId, value, note: null, baseRevision: 0 }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toMatch(/^checklistErrors\.invalidValue\./);
  });

  it.each([
    ["register-complete", "na"],
    ["register-format", "electronic"],
    ["rights-languages", ["sr", "hu"]],
    ["cell-count", 7.5],
    ["last-renovation", "2014-06-12"],
    ["conditions-notes", null],
  ])("accepts %s = %j", async (questionId, value) => {
    const visit = await createTestVisit(workspace.id);
    const saved = await (await callerFor(monitor)).caller.checklist.save({ tenantSlug: workspace.slug, visitId: visit.id, questionId, value, note: "n", baseRevision: 0 });
    expect(saved.value).toEqual(value);
  });

  it("refuses a question that is not in the visit's template version", async () => {
    const visit = await createTestVisit(workspace.id);
    const refused = await failure((await callerFor(monitor)).caller.checklist.save({ tenantSlug: workspace.slug, visitId: visit.id, questionId: "made-up", value: "yes", note: null, baseRevision: 0 }));
    expect(refused).toEqual({ code: "BAD_REQUEST", message: "checklistErrors.unknownQuestion" });
  });

  it("is refused once the report is sent, and the answer stays as it was", async () => {
    const visit = await createTestVisit(workspace.id);
    const { caller } = await callerFor(owner);
    await caller.checklist.save({ tenantSlug: workspace.slug, visitId: visit.id, questionId: "register-complete", value: "no", note: null, baseRevision: 0 });
    await setVisitStatus(workspace.id, visit.id, "report_sent");
    const refused = await failure(caller.checklist.save({ tenantSlug: workspace.slug, visitId: visit.id, questionId: "register-complete", value: "yes", note: null, baseRevision: 1 }));
    expect(refused).toEqual({ code: "CONFLICT", message: "visitErrors.notEditable" });
    const checklist = await caller.checklist.get({ tenantSlug: workspace.slug, visitId: visit.id });
    expect(checklist.canEdit).toBe(false);
    expect(checklist.answers[0]?.value).toBe("no");
  });

  it("is refused to a viewer", async () => {
    const visit = await createTestVisit(workspace.id);
    const refused = await failure((await callerFor(viewer)).caller.checklist.save({ tenantSlug: workspace.slug, visitId: visit.id, questionId: "register-complete", value: "no", note: null, baseRevision: 0 }));
    expect(refused.code).toBe("FORBIDDEN");
  });

  it("cannot change another workspace's visit, even with its id", async () => {
    const visit = await createTestVisit(workspace.id);
    const theirs = await createTestWorkspace(outsider);
    const { caller } = await callerFor(outsider);
    expect((await failure(caller.checklist.save({ tenantSlug: theirs.slug, visitId: visit.id, questionId: "register-complete", value: "no", note: null, baseRevision: 0 }))).code).toBe("NOT_FOUND");
    expect((await failure(caller.checklist.save({ tenantSlug: workspace.slug, visitId: visit.id, questionId: "register-complete", value: "no", note: null, baseRevision: 0 }))).code).toBe("NOT_FOUND");
    const answers = await withTenant(workspace.id, null, (tx) => tx.checklistAnswer.count({ where: { visitId: visit.id } }));
    expect(answers).toBe(0);
  });

  it("records one audit event per save, without the answer's text", async () => {
    const visit = await createTestVisit(workspace.id);
    const { caller } = await callerFor(monitor);
    await caller.checklist.save({ tenantSlug: workspace.slug, visitId: visit.id, questionId: "conditions-notes", value: "Confidential detail", note: null, baseRevision: 0 });
    const events = await withTenant(workspace.id, null, (tx) => tx.auditEvent.findMany({ where: { action: "checklist.answerSaved", targetId: visit.id } }));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: monitor.id, targetType: "visit", details: { questionId: "conditions-notes", revision: 1 } });
    expect(JSON.stringify(events[0]?.details)).not.toContain("Confidential");
  });
});

describe("checklist.history", () => {
  it("is not found for another workspace's member, and refuses an unknown question", async () => {
    const visit = await createTestVisit(workspace.id);
    await (await callerFor(owner)).caller.checklist.save({ tenantSlug: workspace.slug, visitId: visit.id, questionId: "cell-count", value: 3, note: null, baseRevision: 0 });
    const theirs = await createTestWorkspace(outsider);
    const { caller } = await callerFor(outsider);
    expect((await failure(caller.checklist.history({ tenantSlug: theirs.slug, visitId: visit.id, questionId: "cell-count" }))).code).toBe("NOT_FOUND");
    const own = (await callerFor(viewer)).caller;
    expect((await failure(own.checklist.history({ tenantSlug: workspace.slug, visitId: visit.id, questionId: "made-up" }))).code).toBe("BAD_REQUEST");
  });
});
