import { TRPCError } from "@trpc/server";
import { withTenant } from "@vigil/db";
import { translator } from "@vigil/i18n";
import { beforeAll, describe, expect, it } from "vitest";
import { describeError } from "../core/error-format.ts";
import { addMember, callerFor, createTestUser, createTestWorkspace, refusalOf, type TestUser } from "../testing/index.ts";
import { createTestVisit } from "../testing/visits.ts";

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

let owner: TestUser, coordinator: TestUser, monitor: TestUser, viewer: TestUser, outsider: TestUser;
let workspace: { id: string; slug: string };
let ministry: string, department: string;

beforeAll(async () => {
  [owner, coordinator, monitor, viewer, outsider] = await Promise.all([createTestUser(), createTestUser(), createTestUser(), createTestUser(), createTestUser("Outsider")]);
  workspace = await createTestWorkspace(owner);
  await addMember(workspace.id, coordinator, "coordinator");
  await addMember(workspace.id, monitor, "monitor");
  await addMember(workspace.id, viewer, "viewer");
  ({ ministry, department } = await withTenant(workspace.id, null, async (tx) => {
    const m = await tx.authority.create({ data: { tenantId: workspace.id, kind: "ministry", name: "Ministry of Interior" } });
    const d = await tx.authority.create({ data: { tenantId: workspace.id, kind: "institution", name: "Police Department Kruševac", parentId: m.id } });
    return { ministry: m.id, department: d.id };
  }));
});

function recommendation(visitId: string, text: string, authorityIds: string[], extra: Record<string, unknown> = {}) {
  return { tenantSlug: workspace.slug, visitId, text, authorityIds, themeTags: ["material conditions"], priority: "high" as const, ...extra };
}

describe("report drafting", () => {
  it("reading a visit without a report creates nothing; a monitor drafts the summary with optimistic concurrency", async () => {
    const visit = await createTestVisit(workspace.id);
    const { caller } = await callerFor(monitor);
    const empty = await caller.reports.get({ tenantSlug: workspace.slug, visitId: visit.id });
    expect(empty).toMatchObject({ report: null, draftable: true, responseDeadlineDays: 60, visit: { placeName: visit.placeName } });
    expect(empty.authorities.map((a) => a.name)).toEqual(["Police Department Kruševac", "Ministry of Interior"]);
    expect(await withTenant(workspace.id, null, (tx) => tx.report.count({ where: { visitId: visit.id } }))).toBe(0);

    const first = await caller.reports.saveDraft({ tenantSlug: workspace.slug, visitId: visit.id, language: "sr-Cyrl", summary: "  Затечено стање.  ", expectedUpdatedAt: null });
    const second = await caller.reports.saveDraft({ tenantSlug: workspace.slug, visitId: visit.id, language: "sr-Cyrl", summary: "Затечено стање, друга верзија.", expectedUpdatedAt: first.updatedAt });
    // A colleague's editor still holds the first version: its save is refused, not silently applied.
    expect(await refusalOf(caller.reports.saveDraft({ tenantSlug: workspace.slug, visitId: visit.id, language: "en", summary: "Stale", expectedUpdatedAt: first.updatedAt }))).toBe(
      "CONFLICT reportErrors.changedMeanwhile",
    );
    expect(await refusalOf(caller.reports.saveDraft({ tenantSlug: workspace.slug, visitId: visit.id, language: "en", summary: "Blind", expectedUpdatedAt: null }))).toBe(
      "CONFLICT reportErrors.changedMeanwhile",
    );
    const read = await caller.reports.get({ tenantSlug: workspace.slug, visitId: visit.id });
    expect(read.report).toMatchObject({ id: first.id, status: "draft", language: "sr-Cyrl", summary: "Затечено стање, друга верзија.", updatedAt: second.updatedAt });
    const audit = await withTenant(workspace.id, null, (tx) => tx.auditEvent.findMany({ where: { targetId: first.id }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true } }));
    expect(audit).toEqual([{ action: "report.created", actorId: monitor.id }, { action: "report.draftSaved", actorId: monitor.id }]);
  });

  it("drafts numbered recommendations: add, edit, move and delete keep the numbering without gaps", async () => {
    const visit = await createTestVisit(workspace.id);
    const { caller } = await callerFor(monitor);
    const slug = workspace.slug;
    // The first recommendation starts the draft, in the workspace's language.
    const one = await caller.reports.addRecommendation(recommendation(visit.id, "Renovate the detention premises.", [department, ministry]));
    const two = await caller.reports.addRecommendation(recommendation(visit.id, "Keep the custody register complete.", [department], { themeTags: [" registers ", "registers", ""] }));
    const three = await caller.reports.addRecommendation(recommendation(visit.id, "Install call bells in every cell.", []));
    expect([one.number, two.number, three.number]).toEqual([1, 2, 3]);

    const read = await caller.reports.get({ tenantSlug: slug, visitId: visit.id });
    expect(read.report?.language).toBe("en");
    expect(read.report?.recommendations.map((r) => [r.number, r.themeTags, r.addressees.map((a) => a.name)])).toEqual([
      [1, ["material conditions"], ["Ministry of Interior", "Police Department Kruševac"]],
      [2, ["registers"], ["Police Department Kruševac"]],
      [3, ["material conditions"], []],
    ]);

    const stamp = read.report!.recommendations[2]!.updatedAt;
    await caller.reports.updateRecommendation({ tenantSlug: slug, recommendationId: three.id, text: "Install a call bell in every cell.", authorityIds: [ministry], themeTags: [], priority: "low", expectedUpdatedAt: stamp });
    expect(await refusalOf(caller.reports.updateRecommendation({ tenantSlug: slug, recommendationId: three.id, text: "Stale", authorityIds: [], themeTags: [], priority: "low", expectedUpdatedAt: stamp }))).toBe(
      "CONFLICT reportErrors.recommendationChanged",
    );
    await caller.reports.moveRecommendation({ tenantSlug: slug, recommendationId: three.id, direction: "up" });
    await caller.reports.moveRecommendation({ tenantSlug: slug, recommendationId: one.id, direction: "up" }); // already first: nothing moves
    await caller.reports.deleteRecommendation({ tenantSlug: slug, recommendationId: one.id });
    const after = await caller.reports.get({ tenantSlug: slug, visitId: visit.id });
    expect(after.report?.recommendations.map((r) => [r.number, r.text, r.priority, r.addressees.map((a) => a.name)])).toEqual([
      [1, "Install a call bell in every cell.", "low", ["Ministry of Interior"]],
      [2, "Keep the custody register complete.", "high", ["Police Department Kruševac"]],
    ]);
    const actions = await withTenant(workspace.id, null, (tx) =>
      tx.auditEvent.findMany({ where: { targetId: { in: [one.id, three.id] } }, orderBy: { createdAt: "asc" }, select: { action: true } }),
    );
    expect(actions.map((a) => a.action)).toEqual(["report.recommendationAdded", "report.recommendationAdded", "report.recommendationUpdated", "report.recommendationMoved", "report.recommendationDeleted"]);
  });

  it("refuses empty text and foreign addressees with translated messages for the field", async () => {
    const visit = await createTestVisit(workspace.id);
    const { caller } = await callerFor(monitor);
    const empty = await errorOf(caller.reports.addRecommendation(recommendation(visit.id, "   ", [department])));
    expect(empty.code).toBe("BAD_REQUEST");
    expect(describeError(empty, translator("sr-Cyrl")).fieldErrors.text).toBe("Напишите препоруку.");
    expect(describeError(empty, translator("uk")).fieldErrors.text).toBe("Напишіть рекомендацію.");

    const foreignWorkspace = await createTestWorkspace(await createTestUser());
    const foreign = await withTenant(foreignWorkspace.id, null, (tx) => tx.authority.create({ data: { tenantId: foreignWorkspace.id, kind: "ministry", name: "Someone else's ministry" } }));
    const refused = await errorOf(caller.reports.addRecommendation(recommendation(visit.id, "Address it elsewhere.", [foreign.id])));
    expect(`${refused.code} ${refused.message}`).toBe("BAD_REQUEST reportErrors.unknownAuthority");
    expect(describeError(refused, translator("en")).fieldErrors.authorityIds).toBe("Choose addressees from this workspace's authorities.");
    expect(await withTenant(workspace.id, null, (tx) => tx.recommendation.count({ where: { visitId: visit.id } }))).toBe(0);
  });

  it("a viewer reads but cannot draft; a planned or cancelled visit has no draft to write", async () => {
    const visit = await createTestVisit(workspace.id);
    const { caller: monitorCaller } = await callerFor(monitor);
    const added = await monitorCaller.reports.addRecommendation(recommendation(visit.id, "Ensure access to a lawyer from the outset.", [department]));
    const { caller } = await callerFor(viewer);
    expect((await caller.reports.get({ tenantSlug: workspace.slug, visitId: visit.id })).report?.recommendations).toHaveLength(1);
    expect(await refusalOf(caller.reports.saveDraft({ tenantSlug: workspace.slug, visitId: visit.id, language: "en", summary: "x", expectedUpdatedAt: null }))).toBe("FORBIDDEN errors.forbidden");
    expect(await refusalOf(caller.reports.addRecommendation(recommendation(visit.id, "x", [])))).toBe("FORBIDDEN errors.forbidden");
    expect(await refusalOf(caller.reports.deleteRecommendation({ tenantSlug: workspace.slug, recommendationId: added.id }))).toBe("FORBIDDEN errors.forbidden");
    expect(await refusalOf(caller.reports.send({ tenantSlug: workspace.slug, visitId: visit.id, sentOn: "2026-06-20" }))).toBe("FORBIDDEN errors.forbidden");

    const planned = await createTestVisit(workspace.id, { status: "planned" });
    expect((await caller.reports.get({ tenantSlug: workspace.slug, visitId: planned.id })).draftable).toBe(false);
    expect(await refusalOf(monitorCaller.reports.addRecommendation(recommendation(planned.id, "Too early.", [])))).toBe("CONFLICT reportErrors.visitNotDraftable");
    const cancelled = await createTestVisit(workspace.id, { status: "cancelled" });
    expect(await refusalOf(monitorCaller.reports.saveDraft({ tenantSlug: workspace.slug, visitId: cancelled.id, language: "en", summary: "x", expectedUpdatedAt: null }))).toBe(
      "CONFLICT reportErrors.visitNotDraftable",
    );
  });

  it("suggests earlier recommendations to the same place, not this report's own, not another place's", async () => {
    const earlier = await createTestVisit(workspace.id, { status: "report_drafting" });
    const { caller: monitorCaller } = await callerFor(monitor);
    const { caller: coordinatorCaller } = await callerFor(coordinator);
    const old = await monitorCaller.reports.addRecommendation(recommendation(earlier.id, "Renovate the detention premises so that they meet the standards.", [department]));
    await coordinatorCaller.reports.send({ tenantSlug: workspace.slug, visitId: earlier.id, sentOn: "2026-06-20" });
    // The next visit to the same place.
    const next = await withTenant(workspace.id, null, async (tx) => {
      const first = await tx.visit.findFirstOrThrow({ where: { id: earlier.id }, select: { placeId: true } });
      return tx.visit.create({ data: { tenantId: workspace.id, placeId: first.placeId, type: "follow_up", plannedStart: new Date("2026-09-01"), plannedEnd: new Date("2026-09-01"), status: "in_progress" } });
    });
    await monitorCaller.reports.addRecommendation(recommendation(next.id, "Renovate the detention premises to meet the standards.", [department]));
    const { caller } = await callerFor(viewer);
    const similar = await caller.reports.similar({ tenantSlug: workspace.slug, visitId: next.id, text: "Renovate the detention premises to the standards" });
    expect(similar.map((s) => [s.id, s.number, s.status, s.visitId])).toEqual([[old.id, 1, "open", earlier.id]]);
    expect(similar[0]!.sentAt).toEqual(new Date("2026-06-20"));
    expect(await caller.reports.similar({ tenantSlug: workspace.slug, visitId: next.id, text: "short" })).toEqual([]);
    const elsewhere = await createTestVisit(workspace.id);
    expect(await caller.reports.similar({ tenantSlug: workspace.slug, visitId: elsewhere.id, text: "Renovate the detention premises to the standards" })).toEqual([]);
  });
});

describe("sending a report", () => {
  it("refuses a report without recommendations, an unaddressed one and a future date, each with a translated reason", async () => {
    const visit = await createTestVisit(workspace.id, { status: "report_drafting" });
    const { caller } = await callerFor(coordinator);
    const slug = workspace.slug;
    const none = await errorOf(caller.reports.send({ tenantSlug: slug, visitId: visit.id, sentOn: "2026-06-20" }));
    expect(`${none.code} ${none.message}`).toBe("BAD_REQUEST reportErrors.noRecommendations");
    expect(describeError(none, translator("uk")).message).toBe("Додайте щонайменше одну рекомендацію, перш ніж надсилати звіт.");
    await caller.reports.addRecommendation(recommendation(visit.id, "Addressed.", [department]));
    await caller.reports.addRecommendation(recommendation(visit.id, "Not addressed.", []));
    const unaddressed = await errorOf(caller.reports.send({ tenantSlug: slug, visitId: visit.id, sentOn: "2026-06-20" }));
    expect(describeError(unaddressed, translator("en")).message).toBe("Recommendation 2 has no addressee. Choose the institution or ministry it is addressed to.");
    const future = await errorOf(caller.reports.send({ tenantSlug: slug, visitId: visit.id, sentOn: "2999-01-01" }));
    expect(future.code).toBe("BAD_REQUEST");
    expect(await refusalOf(caller.reports.send({ tenantSlug: slug, visitId: visit.id, sentOn: "20-06-2026" }))).toMatch(/^BAD_REQUEST/);
    expect((await caller.reports.get({ tenantSlug: slug, visitId: visit.id })).report?.status).toBe("draft");
  });

  it("a monitor cannot send; a coordinator sends: due dates from the workspace deadline, visit moves on, nothing can change after", async () => {
    const visit = await createTestVisit(workspace.id, { status: "report_drafting" });
    const slug = workspace.slug;
    const { caller: monitorCaller } = await callerFor(monitor);
    const { caller } = await callerFor(coordinator);
    const first = await monitorCaller.reports.addRecommendation(recommendation(visit.id, "Renovate the detention premises.", [department, ministry]));
    await monitorCaller.reports.addRecommendation(recommendation(visit.id, "Keep the custody register complete.", [department]));
    expect(await refusalOf(monitorCaller.reports.send({ tenantSlug: slug, visitId: visit.id, sentOn: "2026-06-20" }))).toBe("FORBIDDEN errors.forbidden");

    await caller.reports.updateSettings({ tenantSlug: slug, responseDeadlineDays: 30 });
    const sent = await caller.reports.send({ tenantSlug: slug, visitId: visit.id, sentOn: "2026-06-20" });
    expect(sent).toMatchObject({ dueDate: new Date("2026-07-20"), recommendations: 2, sentAt: new Date("2026-06-20") });
    const read = await caller.reports.get({ tenantSlug: slug, visitId: visit.id });
    expect(read).toMatchObject({ draftable: false, visit: { status: "report_sent" }, report: { status: "sent", sentAt: new Date("2026-06-20"), sentBy: { name: coordinator.name } } });
    expect(read.report?.recommendations.map((r) => r.dueDate)).toEqual([new Date("2026-07-20"), new Date("2026-07-20")]);
    await caller.reports.updateSettings({ tenantSlug: slug, responseDeadlineDays: 60 });

    const refusals = await Promise.all([
      refusalOf(caller.reports.saveDraft({ tenantSlug: slug, visitId: visit.id, language: "en", summary: "Later", expectedUpdatedAt: read.report!.updatedAt })),
      refusalOf(caller.reports.addRecommendation(recommendation(visit.id, "An afterthought.", [department]))),
      refusalOf(caller.reports.updateRecommendation({ tenantSlug: slug, recommendationId: first.id, text: "Rewritten", authorityIds: [department], themeTags: [], priority: "low" })),
      refusalOf(caller.reports.moveRecommendation({ tenantSlug: slug, recommendationId: first.id, direction: "down" })),
      refusalOf(caller.reports.deleteRecommendation({ tenantSlug: slug, recommendationId: first.id })),
      refusalOf(caller.reports.send({ tenantSlug: slug, visitId: visit.id, sentOn: "2026-06-21" })),
    ]);
    expect(refusals).toEqual(Array(6).fill("CONFLICT reportErrors.alreadySent"));
    const audit = await withTenant(workspace.id, null, (tx) =>
      tx.auditEvent.findMany({ where: { targetId: { in: [read.report!.id, visit.id] }, action: { in: ["report.sent", "visit.statusChanged"] } }, select: { action: true, actorId: true, details: true } }),
    );
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: "report.sent", actorId: coordinator.id, details: { visitId: visit.id, recommendations: 2, dueDate: "2026-07-20" } },
        { action: "visit.statusChanged", actorId: coordinator.id, details: { from: "report_drafting", to: "report_sent", reportId: read.report!.id } },
      ]),
    );
  });

  it("the response deadline is a workspace setting: coordinators change it (1–365 days), audited", async () => {
    const { caller: monitorCaller } = await callerFor(monitor);
    const { caller } = await callerFor(coordinator);
    expect(await monitorCaller.reports.settings({ tenantSlug: workspace.slug })).toEqual({ responseDeadlineDays: 60 });
    expect(await refusalOf(monitorCaller.reports.updateSettings({ tenantSlug: workspace.slug, responseDeadlineDays: 30 }))).toBe("FORBIDDEN errors.forbidden");
    const invalid = await errorOf(caller.reports.updateSettings({ tenantSlug: workspace.slug, responseDeadlineDays: 0 }));
    expect(describeError(invalid, translator("sr-Cyrl")).fieldErrors.responseDeadlineDays).toBe("Унесите цео број дана од 1 до 365.");
    await caller.reports.updateSettings({ tenantSlug: workspace.slug, responseDeadlineDays: 45 });
    expect(await caller.reports.settings({ tenantSlug: workspace.slug })).toEqual({ responseDeadlineDays: 45 });
    await caller.reports.updateSettings({ tenantSlug: workspace.slug, responseDeadlineDays: 60 });
    const audit = await withTenant(workspace.id, null, (tx) => tx.auditEvent.findMany({ where: { action: "workspace.responseDeadlineChanged" }, orderBy: { createdAt: "asc" }, select: { details: true } }));
    expect(audit.map((a) => a.details)).toEqual(expect.arrayContaining([{ from: 60, to: 45 }, { from: 45, to: 60 }]));
  });
});

describe("isolation", () => {
  it("another workspace's member can neither read nor change a report, even with its ids", async () => {
    const visit = await createTestVisit(workspace.id, { status: "report_drafting" });
    const { caller: monitorCaller } = await callerFor(monitor);
    const added = await monitorCaller.reports.addRecommendation(recommendation(visit.id, "Renovate the detention premises.", [department]));
    const otherWorkspace = await createTestWorkspace(outsider);
    const { caller } = await callerFor(outsider);
    // In their own workspace, the ids are unknown; in ours, they are not a member.
    for (const slug of [otherWorkspace.slug, workspace.slug]) {
      expect(await refusalOf(caller.reports.get({ tenantSlug: slug, visitId: visit.id }))).toBe("NOT_FOUND errors.notFound");
      expect(await refusalOf(caller.reports.document({ tenantSlug: slug, visitId: visit.id }))).toBe("NOT_FOUND errors.notFound");
      expect(await refusalOf(caller.reports.similar({ tenantSlug: slug, visitId: visit.id, text: "Renovate the detention premises." }))).toBe("NOT_FOUND errors.notFound");
      expect(await refusalOf(caller.reports.saveDraft({ tenantSlug: slug, visitId: visit.id, language: "en", summary: "x", expectedUpdatedAt: null }))).toBe("NOT_FOUND errors.notFound");
      expect(await refusalOf(caller.reports.updateRecommendation({ tenantSlug: slug, recommendationId: added.id, text: "x", authorityIds: [], themeTags: [], priority: "low" }))).toBe(
        "NOT_FOUND errors.notFound",
      );
      expect(await refusalOf(caller.reports.deleteRecommendation({ tenantSlug: slug, recommendationId: added.id }))).toBe("NOT_FOUND errors.notFound");
      expect(await refusalOf(caller.reports.send({ tenantSlug: slug, visitId: visit.id, sentOn: "2026-06-20" }))).toBe("NOT_FOUND errors.notFound");
    }
    const still = await withTenant(workspace.id, null, (tx) => tx.recommendation.findFirstOrThrow({ where: { id: added.id }, select: { text: true, dueDate: true } }));
    expect(still).toEqual({ text: "Renovate the detention premises.", dueDate: null });
  });
});
