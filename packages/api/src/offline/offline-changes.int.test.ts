import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { withTenant } from "@vigil/db";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, callerFor, createTestUser, createTestWorkspace, refusalOf, type TestUser } from "../testing/index.ts";
import { createTestVisit, setVisitStatus } from "../testing/checklist.ts";
import { auditTrail } from "../testing/visits.ts";

// Issue 18, what was left: findings edited and deleted offline, photos of questions, "take theirs"
// keeping both answers in the history, and replayed changes that must be refused without a trace.
let dir: string;
let owner: TestUser, monitor: TestUser, colleague: TestUser, viewer: TestUser;
let workspace: { id: string; slug: string };

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "vigil-offline-changes-"));
  process.env.ATTACHMENTS_DIR = dir;
  owner = await createTestUser("Owner");
  [monitor, colleague, viewer] = await Promise.all([createTestUser("Ana Offline"), createTestUser("Boris Online"), createTestUser("Viewer")]);
  workspace = await createTestWorkspace(owner);
  await addMember(workspace.id, monitor, "monitor");
  await addMember(workspace.id, colleague, "monitor");
  await addMember(workspace.id, viewer, "viewer");
});

afterAll(async () => {
  delete process.env.ATTACHMENTS_DIR;
  await rm(dir, { recursive: true, force: true });
});

async function teamVisit(members: TestUser[] = [monitor, colleague, viewer]) {
  const visit = await createTestVisit(workspace.id);
  await withTenant(workspace.id, null, (tx) =>
    tx.visitTeamMember.createMany({ data: members.map((m, i) => ({ tenantId: workspace.id, visitId: visit.id, userId: m.id, visitRole: i === 0 ? "lead" : "monitor" })) }),
  );
  return visit.id;
}

const slug = () => workspace.slug;
const answer = (visitId: string, fields: { questionId?: string; value?: unknown; note?: string | null; baseRevision?: number } = {}) => ({
  tenantSlug: slug(), operationId: randomUUID(), visitId,
  questionId: fields.questionId ?? "register-complete", value: (fields.value ?? "yes") as string, note: fields.note ?? null, baseRevision: fields.baseRevision ?? 0,
});

async function findingsOf(visitId: string) {
  return withTenant(workspace.id, null, (tx) => tx.finding.findMany({ where: { visitId }, select: { id: true, theme: true, text: true, severity: true } }));
}

describe("offline.sendFindingEdit and sendFindingDelete", () => {
  it("edits and deletes a finding made offline, named by the change that made it, once each and audited", async () => {
    const visitId = await teamVisit();
    const { caller } = await callerFor(monitor);
    const made = randomUUID();
    await caller.offline.sendFinding({ tenantSlug: slug(), operationId: made, visitId, theme: "Cells", text: "Damp", severity: "low" });
    const edit = { tenantSlug: slug(), operationId: randomUUID(), visitId, findingOperationId: made, theme: "Cells", text: "Damp walls, mould", severity: "high" as const };
    const edited = await caller.offline.sendFindingEdit(edit);
    const findingId = (edited as { findingId: string }).findingId;
    expect(await caller.offline.sendFindingEdit(edit)).toEqual(edited);
    expect(await findingsOf(visitId)).toEqual([expect.objectContaining({ text: "Damp walls, mould", severity: "high" })]);
    const removal = { tenantSlug: slug(), operationId: randomUUID(), visitId, findingOperationId: made };
    await caller.offline.sendFindingDelete(removal);
    expect(await caller.offline.sendFindingDelete(removal)).toMatchObject({ outcome: "applied", kind: "findingDelete" });
    expect(await findingsOf(visitId)).toEqual([]);
    const actions = (await auditTrail(workspace.id, findingId)).map((e) => e.action);
    expect(actions.filter((a) => a === "finding.updated")).toHaveLength(1);
    expect(actions.filter((a) => a === "finding.deleted")).toHaveLength(1);
  });

  it("edits a finding the server already had, by its id, with the findings page's validation", async () => {
    const visitId = await teamVisit();
    const { caller } = await callerFor(monitor);
    const { id: findingId } = await caller.findings.create({ tenantSlug: slug(), visitId, theme: "Food", text: "Cold", severity: "medium" });
    await caller.offline.sendFindingEdit({ tenantSlug: slug(), operationId: randomUUID(), visitId, findingId, theme: "Food", text: "Cold, once a day", severity: "high" });
    expect(await findingsOf(visitId)).toEqual([{ id: findingId, theme: "Food", text: "Cold, once a day", severity: "high" }]);
    const blank = { tenantSlug: slug(), operationId: randomUUID(), visitId, findingId, theme: " ", text: "x", severity: "low" as const };
    expect(await refusalOf(caller.offline.sendFindingEdit(blank))).toMatch(/^BAD_REQUEST/);
    // Neither or both targets: the change does not say which finding it is about.
    expect(await refusalOf(caller.offline.sendFindingDelete({ tenantSlug: slug(), operationId: randomUUID(), visitId }))).toMatch(/^BAD_REQUEST/);
    expect(await refusalOf(caller.offline.sendFindingDelete({ tenantSlug: slug(), operationId: randomUUID(), visitId, findingId, findingOperationId: randomUUID() }))).toMatch(/^BAD_REQUEST/);
    expect(await findingsOf(visitId)).toHaveLength(1);
  });

  it("refuses another visit's finding, a finding whose creation never reached the server, a closed visit and a viewer, changing nothing", async () => {
    const visitId = await teamVisit();
    const otherVisit = await teamVisit();
    const { caller } = await callerFor(monitor);
    const { id: elsewhere } = await caller.findings.create({ tenantSlug: slug(), visitId: otherVisit, theme: "Yard", text: "None", severity: "low" });
    expect(await refusalOf(caller.offline.sendFindingDelete({ tenantSlug: slug(), operationId: randomUUID(), visitId, findingId: elsewhere }))).toBe("NOT_FOUND errors.notFound");
    expect(await refusalOf(caller.offline.sendFindingDelete({ tenantSlug: slug(), operationId: randomUUID(), visitId, findingOperationId: randomUUID() }))).toBe("BAD_REQUEST offlineErrors.findingNotSaved");
    expect(await refusalOf((await callerFor(viewer)).caller.offline.sendFindingDelete({ tenantSlug: slug(), operationId: randomUUID(), visitId: otherVisit, findingId: elsewhere }))).toMatch(/^FORBIDDEN/);
    await setVisitStatus(workspace.id, otherVisit, "closed");
    expect(await refusalOf(caller.offline.sendFindingDelete({ tenantSlug: slug(), operationId: randomUUID(), visitId: otherVisit, findingId: elsewhere }))).toMatch(/^(BAD_REQUEST|FORBIDDEN|CONFLICT) /);
    expect(await findingsOf(otherVisit)).toHaveLength(1);
    expect(await withTenant(workspace.id, monitor.id, (tx) => tx.offlineOperation.count({ where: { visitId: { in: [visitId, otherVisit] }, kind: { in: ["findingEdit", "findingDelete"] } } }))).toBe(0);
  });
});

describe("offline.sendPhoto of a checklist question", () => {
  it("stores a photo taken offline as evidence linked to the question", async () => {
    const visitId = await teamVisit();
    const { caller } = await callerFor(monitor);
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#555" } }).png().toBuffer();
    await caller.offline.sendPhoto({ tenantSlug: slug(), operationId: randomUUID(), visitId, questionId: "cell-size", fileName: "cell.png", content: Readable.from([png]) });
    const stored = await withTenant(workspace.id, null, (tx) => tx.attachment.findMany({ where: { visitId }, select: { fileName: true, questionId: true, findingId: true } }));
    expect(stored).toEqual([{ fileName: "cell.png", questionId: "cell-size", findingId: null }]);
  });
});

describe("offline.sendTakeTheirs", () => {
  it("keeps both answers in the history and leaves theirs as the answer, once however often it is sent", async () => {
    const visitId = await teamVisit();
    await (await callerFor(colleague)).caller.checklist.save({ tenantSlug: slug(), visitId, questionId: "register-complete", value: "yes", note: "Checked", baseRevision: 0 });
    const { caller } = await callerFor(monitor);
    const mine = answer(visitId, { value: "no", note: "Two missing" });
    expect(await caller.offline.sendAnswer(mine)).toMatchObject({ outcome: "conflict" });
    const settle = { tenantSlug: slug(), operationId: randomUUID(), visitId, conflictOperationId: mine.operationId };
    const settled = await caller.offline.sendTakeTheirs(settle);
    expect(settled).toEqual({ outcome: "applied", kind: "takeTheirs", revision: 3 });
    expect(await caller.offline.sendTakeTheirs(settle)).toEqual(settled);
    // A second "take theirs" of the same conflict (another tab) adds nothing either.
    expect(await caller.offline.sendTakeTheirs({ ...settle, operationId: randomUUID() })).toEqual(settled);
    const history = await caller.checklist.history({ tenantSlug: slug(), visitId, questionId: "register-complete" });
    expect(history.map((h) => [h.revision, h.value, h.note])).toEqual([[3, "yes", "Checked"], [2, "no", "Two missing"], [1, "yes", "Checked"]]);
    const current = await caller.checklist.get({ tenantSlug: slug(), visitId });
    expect(current.answers.find((a) => a.questionId === "register-complete")).toMatchObject({ value: "yes", note: "Checked", revision: 3 });
  });

  it("refuses a conflict that is not the caller's own and one that never happened", async () => {
    const visitId = await teamVisit();
    await (await callerFor(monitor)).caller.checklist.save({ tenantSlug: slug(), visitId, questionId: "register-complete", value: "yes", note: null, baseRevision: 0 });
    const theirs = answer(visitId, { value: "no" });
    await (await callerFor(colleague)).caller.offline.sendAnswer(theirs);
    const { caller } = await callerFor(monitor);
    const settle = { tenantSlug: slug(), operationId: randomUUID(), visitId, conflictOperationId: theirs.operationId };
    expect(await refusalOf(caller.offline.sendTakeTheirs(settle))).toBe("BAD_REQUEST offlineErrors.noConflict");
    expect(await refusalOf(caller.offline.sendTakeTheirs({ ...settle, conflictOperationId: randomUUID() }))).toBe("BAD_REQUEST offlineErrors.noConflict");
    expect((await caller.checklist.history({ tenantSlug: slug(), visitId, questionId: "register-complete" })).map((h) => h.value)).toEqual(["yes"]);
  });
});

describe("replayed changes that must be refused (break it)", () => {
  it("refuses NUL bytes, a note over the limit and impossible dates, storing nothing", async () => {
    const visitId = await teamVisit();
    const { caller } = await callerFor(monitor);
    const refusals = await Promise.all([
      refusalOf(caller.offline.sendAnswer(answer(visitId, { questionId: "cell-size", value: "3\u0000m" }))),
      refusalOf(caller.offline.sendAnswer(answer(visitId, { note: "x".repeat(1_000_000) }))),
      refusalOf(caller.offline.sendAnswer(answer(visitId, { questionId: "last-renovation", value: "2026-02-30" }))),
      refusalOf(caller.offline.sendAnswer(answer(visitId, { questionId: "last-renovation", value: "2026-13-01" }))),
      refusalOf(caller.offline.sendFinding({ tenantSlug: slug(), operationId: randomUUID(), visitId, theme: "Cells", text: "a\u0000b", severity: "low" })),
      refusalOf(caller.offline.sendFinding({ tenantSlug: slug(), operationId: randomUUID(), visitId, theme: "Cells", text: "x".repeat(1_000_000), severity: "low" })),
    ]);
    for (const refusal of refusals) expect(refusal).toMatch(/^BAD_REQUEST /);
    expect(await withTenant(workspace.id, null, (tx) => tx.checklistAnswer.count({ where: { visitId } }))).toBe(0);
    expect(await findingsOf(visitId)).toEqual([]);
    expect(await withTenant(workspace.id, monitor.id, (tx) => tx.offlineOperation.count({ where: { visitId } }))).toBe(0);
  });

  it("applies one change sent many times at once (two tabs, a flaky network) exactly once", async () => {
    const visitId = await teamVisit();
    const change = answer(visitId, { value: "no" });
    const finding = { tenantSlug: slug(), operationId: randomUUID(), visitId, theme: "Cells", text: "Dark", severity: "low" as const };
    const callers = await Promise.all([1, 2, 3, 4].map(() => callerFor(monitor)));
    const outcomes = await Promise.all(callers.flatMap(({ caller }) => [caller.offline.sendAnswer(change), caller.offline.sendFinding(finding)]));
    // Every send is told the same outcome as the one that applied it.
    for (const outcome of outcomes) expect(outcome).toEqual(outcomes.find((o) => o.kind === outcome.kind));
    expect(await findingsOf(visitId)).toHaveLength(1);
    const history = await (await callerFor(monitor)).caller.checklist.history({ tenantSlug: slug(), visitId, questionId: "register-complete" });
    expect(history).toHaveLength(1);
  });

  it("refuses every kind of change from someone taken off the team, and to a viewer on it", async () => {
    const visitId = await teamVisit();
    const { caller } = await callerFor(monitor);
    const made = randomUUID();
    await caller.offline.sendFinding({ tenantSlug: slug(), operationId: made, visitId, theme: "Cells", text: "Dark", severity: "low" });
    await withTenant(workspace.id, null, (tx) => tx.visitTeamMember.deleteMany({ where: { visitId, userId: monitor.id } }));
    const calls = [
      () => caller.offline.sendFindingEdit({ tenantSlug: slug(), operationId: randomUUID(), visitId, findingOperationId: made, theme: "Cells", text: "Light", severity: "low" }),
      () => caller.offline.sendFindingDelete({ tenantSlug: slug(), operationId: randomUUID(), visitId, findingOperationId: made }),
      () => caller.offline.sendTakeTheirs({ tenantSlug: slug(), operationId: randomUUID(), visitId, conflictOperationId: randomUUID() }),
    ];
    for (const call of calls) expect(await refusalOf(call())).toBe("FORBIDDEN offlineErrors.notOnTeam");
    expect(await refusalOf((await callerFor(viewer)).caller.offline.sendFindingDelete({ tenantSlug: slug(), operationId: randomUUID(), visitId, findingOperationId: made }))).toMatch(/^FORBIDDEN /);
    expect(await findingsOf(visitId)).toEqual([expect.objectContaining({ text: "Dark" })]);
  });
});
