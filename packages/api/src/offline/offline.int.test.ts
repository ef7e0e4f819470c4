import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { withTenant } from "@vigil/db";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, callerFor, createTestUser, createTestWorkspace, refusalOf, type TestUser } from "../testing/index.ts";
import { createTestVisit } from "../testing/checklist.ts";
import { auditTrail } from "../testing/visits.ts";

// Issue 18: changes made offline are applied once, like live ones, and only for the visit's team.

let dir: string;
let owner: TestUser, monitor: TestUser, colleague: TestUser, offTeam: TestUser, viewer: TestUser;
let workspace: { id: string; slug: string };

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "vigil-offline-"));
  process.env.ATTACHMENTS_DIR = dir;
  owner = await createTestUser("Owner");
  [monitor, colleague, offTeam, viewer] = await Promise.all([createTestUser("Ana Offline"), createTestUser("Boris Online"), createTestUser("Off Team"), createTestUser("Viewer")]);
  workspace = await createTestWorkspace(owner);
  await addMember(workspace.id, monitor, "monitor");
  await addMember(workspace.id, colleague, "monitor");
  await addMember(workspace.id, offTeam, "monitor");
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

const answer = (visitId: string, fields: { questionId?: string; value?: unknown; note?: string | null; baseRevision?: number; operationId?: string } = {}) => ({
  tenantSlug: workspace.slug, operationId: fields.operationId ?? randomUUID(), visitId,
  questionId: fields.questionId ?? "register-complete", value: (fields.value ?? "yes") as string, note: fields.note ?? null, baseRevision: fields.baseRevision ?? 0,
});

describe("offline.takeVisit", () => {
  it("gives a team member the place, team, checklist in their language (localizeChecklist, tested on its own), answers and findings, and audits it", async () => {
    const visitId = await teamVisit();
    const { caller } = await callerFor(monitor);
    await caller.checklist.save({ tenantSlug: workspace.slug, visitId, questionId: "register-complete", value: "no", note: null, baseRevision: 0 });
    await caller.findings.create({ tenantSlug: workspace.slug, visitId, theme: "Cells", text: "No light", severity: "high" });
    const taken = await caller.offline.takeVisit({ tenantSlug: workspace.slug, visitId });
    expect(taken.visit.place.name).toBe("Police Station Test");
    expect(taken.team.map((m) => [m.name, m.visitRole, m.isMe])).toEqual(expect.arrayContaining([["Ana Offline", "lead", true], ["Boris Online", "monitor", false]]));
    expect(taken.locale).toBe("en");
    expect(taken.view?.sections[0]?.title).toBe("Custody records");
    expect(taken.answers).toEqual([expect.objectContaining({ questionId: "register-complete", value: "no", revision: 1 })]);
    expect(taken.findings).toEqual([expect.objectContaining({ theme: "Cells", severity: "high" })]);
    expect(taken.recommendationsToVerify).toEqual([]);
    expect(taken).not.toHaveProperty("interviews");
    expect((await auditTrail(workspace.id, visitId)).map((e) => e.action)).toContain("visit.takenOffline");
  });

  it("is refused to a monitor who is not on the visit's team, and to a viewer who is", async () => {
    const visitId = await teamVisit();
    expect(await refusalOf((await callerFor(offTeam)).caller.offline.takeVisit({ tenantSlug: workspace.slug, visitId }))).toBe("FORBIDDEN offlineErrors.notOnTeam");
    expect(await refusalOf((await callerFor(viewer)).caller.offline.takeVisit({ tenantSlug: workspace.slug, visitId }))).toMatch(/^FORBIDDEN/);
  });
});

describe("offline.sendAnswer and sendFinding", () => {
  it("applies an answer once, however often it is sent", async () => {
    const visitId = await teamVisit();
    const { caller } = await callerFor(monitor);
    const change = answer(visitId, { value: "no", note: "Two persons missing" });
    const first = await caller.offline.sendAnswer(change);
    const again = await caller.offline.sendAnswer(change);
    expect(first).toEqual({ outcome: "applied", kind: "answer", revision: 1 });
    expect(again).toEqual(first);
    const history = await caller.checklist.history({ tenantSlug: workspace.slug, visitId, questionId: "register-complete" });
    expect(history).toHaveLength(1);
    expect((await auditTrail(workspace.id, visitId)).filter((e) => e.action === "checklist.answerSaved")).toHaveLength(1);
  });

  it("answers a change that meets a newer answer with both values, overwrites nothing and keeps what was sent", async () => {
    const visitId = await teamVisit();
    await (await callerFor(colleague)).caller.checklist.save({ tenantSlug: workspace.slug, visitId, questionId: "register-complete", value: "yes", note: "Checked", baseRevision: 0 });
    const { caller } = await callerFor(monitor);
    const change = answer(visitId, { value: "no", note: "Mine" });
    const outcome = await caller.offline.sendAnswer(change);
    expect(outcome).toEqual({ outcome: "conflict", kind: "answer", theirs: { value: "yes", note: "Checked", revision: 1, updatedAt: expect.any(Date), updatedBy: "Boris Online" } });
    // A repeat is told the same (the stored outcome went through JSON: the date is a string there).
    expect(await caller.offline.sendAnswer(change)).toMatchObject({ outcome: "conflict", theirs: { value: "yes", revision: 1 } });
    const kept = await withTenant(workspace.id, monitor.id, (tx) => tx.offlineOperation.findFirst({ where: { id: change.operationId }, select: { outcome: true, sent: true } }));
    expect(kept).toEqual({ outcome: "conflict", sent: expect.objectContaining({ value: "no", note: "Mine", baseRevision: 0 }) });
    // Keeping mine is a new change on top of theirs: the history then holds both.
    expect(await caller.offline.sendAnswer(answer(visitId, { value: "no", note: "Mine", baseRevision: 1 }))).toEqual({ outcome: "applied", kind: "answer", revision: 2 });
    const history = await caller.checklist.history({ tenantSlug: workspace.slug, visitId, questionId: "register-complete" });
    expect(history.map((h) => h.value)).toEqual(["no", "yes"]);
  });

  it("refuses a change from someone taken off the team, a bad value and a closed visit, and keeps nothing of them", async () => {
    const visitId = await teamVisit([monitor]);
    expect(await refusalOf((await callerFor(offTeam)).caller.offline.sendAnswer(answer(visitId)))).toBe("FORBIDDEN offlineErrors.notOnTeam");
    const { caller } = await callerFor(monitor);
    const bad = answer(visitId, { value: "maybe" });
    expect(await refusalOf(caller.offline.sendAnswer(bad))).toBe("BAD_REQUEST checklistErrors.invalidValue.yes_no_na");
    await withTenant(workspace.id, null, (tx) => tx.visitTeamMember.deleteMany({ where: { visitId } }));
    expect(await refusalOf(caller.offline.sendAnswer(answer(visitId)))).toBe("FORBIDDEN offlineErrors.notOnTeam");
    for (const person of [monitor, offTeam]) {
      expect(await withTenant(workspace.id, person.id, (tx) => tx.offlineOperation.count({ where: { visitId } }))).toBe(0);
    }
    expect(await refusalOf(caller.offline.sendAnswer(answer(randomUUID())))).toBe("NOT_FOUND errors.notFound");
  });

  it("refuses an operation id that a colleague's device already used", async () => {
    const visitId = await teamVisit();
    const change = answer(visitId);
    await (await callerFor(colleague)).caller.offline.sendAnswer(change);
    // Row-level security: a colleague's operations are not readable, even inside the workspace.
    expect(await withTenant(workspace.id, monitor.id, (tx) => tx.offlineOperation.count({ where: { id: change.operationId } }))).toBe(0);
    expect(await withTenant(workspace.id, colleague.id, (tx) => tx.offlineOperation.count({ where: { id: change.operationId } }))).toBe(1);
    expect(await refusalOf((await callerFor(monitor)).caller.offline.sendAnswer({ ...change, questionId: "cell-size", value: "3 m²" }))).toBe("CONFLICT offlineErrors.operationIdTaken");
  });

  it("creates a finding made offline, and its photo once, linked to it", async () => {
    const visitId = await teamVisit();
    const { caller } = await callerFor(monitor);
    const findingOperationId = randomUUID();
    const finding = await caller.offline.sendFinding({ tenantSlug: workspace.slug, operationId: findingOperationId, visitId, theme: "Cells", text: "Damp walls", severity: "medium" });
    expect(finding).toMatchObject({ outcome: "applied", kind: "finding" });
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#777" } }).png().toBuffer();
    const photo = { tenantSlug: workspace.slug, operationId: randomUUID(), visitId, findingOperationId, fileName: "cell.png" };
    const first = await caller.offline.sendPhoto({ ...photo, content: Readable.from([png]) });
    const again = await caller.offline.sendPhoto({ ...photo, content: Readable.from([png]) });
    expect(again).toEqual(first);
    const listed = await caller.findings.list({ tenantSlug: workspace.slug, visitId });
    expect(listed.findings).toHaveLength(1);
    expect(listed.findings[0]?.attachments.map((a) => a.fileName)).toEqual(["cell.png"]);
    expect(await refusalOf(caller.offline.sendPhoto({ ...photo, operationId: randomUUID(), findingOperationId: randomUUID(), content: Readable.from([png]) }))).toBe("BAD_REQUEST offlineErrors.findingNotSent");
  });
});
