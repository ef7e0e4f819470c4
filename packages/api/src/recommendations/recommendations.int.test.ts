import { Readable } from "node:stream";
import { withTenant } from "@vigil/db";
import { beforeAll, describe, expect, it } from "vitest";
import { addMember, callerFor, createTestUser, createTestWorkspace, type TestUser } from "../testing/index.ts";
import { createAuthorities, createSentReport } from "../testing/recommendations.ts";
import { createTestPlace } from "../testing/visits.ts";

/**
 * The recommendations router (issue 4 §2): the list with its filters and keyset pages, the detail
 * with its timeline and documents, recording updates, and who may do what.
 */
let owner: TestUser;
let monitor: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let workspace: { id: string; slug: string };
let other: { id: string; slug: string };
let authorities: Awaited<ReturnType<typeof createAuthorities>>;
let krusevac: { id: string };
let prison: { id: string };
let story: Awaited<ReturnType<typeof createSentReport>>;
let recent: Awaited<ReturnType<typeof createSentReport>>;
let prisonReport: Awaited<ReturnType<typeof createSentReport>>;
let foreign: Awaited<ReturnType<typeof createSentReport>>;

const list = async (user: TestUser, filters: Record<string, unknown> = {}) =>
  (await callerFor(user)).caller.recommendations.list({ tenantSlug: workspace.slug, ...filters });

beforeAll(async () => {
  owner = await createTestUser();
  monitor = await createTestUser("Monitor Maja");
  viewer = await createTestUser();
  outsider = await createTestUser();
  workspace = await createTestWorkspace(owner);
  await addMember(workspace.id, monitor, "monitor");
  await addMember(workspace.id, viewer, "viewer");
  authorities = await createAuthorities(workspace.id);
  krusevac = await createTestPlace(workspace.id, { name: "Police Department Kruševac" });
  prison = await createTestPlace(workspace.id, { type: "prison", name: "District Prison" });
  const actor = { tenantId: workspace.id, userId: owner.id, role: "owner" as const, ipAddress: null };
  const { ministry, institution } = authorities;
  // June 2014: due in August 2014, long overdue unless answered.
  story = await createSentReport(actor, krusevac.id, "2014-06-12", new Date("2014-06-20T10:00:00Z"), [
    { text: "Renovate the detention premises.", themeTags: ["material conditions"], addressees: [institution.id, ministry.id] },
    { text: "Record every arrival and release in the custody register.", themeTags: ["safeguards"], addressees: [institution.id] },
    { text: "Train officers on the rights of detained persons.", themeTags: ["safeguards", "training"], addressees: [ministry.id] },
  ]);
  prisonReport = await createSentReport(actor, prison.id, "2015-03-02", new Date("2015-03-20T10:00:00Z"), [
    { text: "Provide daily outdoor exercise.", themeTags: ["regime"], addressees: [ministry.id] },
  ]);
  // Sent today: due in 60 days, not overdue.
  recent = await createSentReport(actor, krusevac.id, new Date().toISOString().slice(0, 10), new Date(), [
    { text: "Install call bells in every cell.", themeTags: ["material conditions"], addressees: [institution.id] },
  ]);

  const otherOwner = await createTestUser();
  other = await createTestWorkspace(otherOwner);
  await addMember(other.id, outsider, "coordinator");
  const otherAuthorities = await createAuthorities(other.id);
  const otherPlace = await createTestPlace(other.id, { name: "Elsewhere" });
  foreign = await createSentReport({ tenantId: other.id, userId: otherOwner.id, role: "owner", ipAddress: null }, otherPlace.id, "2014-06-12", new Date("2014-06-20"), [
    { text: "Renovate the detention premises.", themeTags: ["material conditions"], addressees: [otherAuthorities.ministry.id] },
  ]);
});

const ids = (rows: { id: string }[]) => rows.map((row) => row.id);

describe("recommendations.list", () => {
  it("lists the workspace's recommendations newest first with place, visit date, addressees and latest update", async () => {
    const page = await list(viewer);
    expect(page.recommendations).toHaveLength(5);
    expect(page.nextCursor).toBeNull();
    expect(ids(page.recommendations)).not.toContain(foreign.recommendations[0]);
    const created = page.recommendations.map((r) => r.createdAt.getTime());
    expect([...created].sort((a, b) => b - a)).toEqual(created);
    const renovate = page.recommendations.find((r) => r.id === story.recommendations[0])!;
    expect(renovate).toMatchObject({
      number: 1, status: "open", overdue: true, latestUpdate: null,
      place: { id: krusevac.id, name: "Police Department Kruševac" },
      visit: { id: story.visitId, plannedStart: new Date("2014-06-12") },
      dueDate: new Date("2014-08-19"),
    });
    expect(renovate.addressees.map((a) => a.id).sort()).toEqual([authorities.institution.id, authorities.ministry.id].sort());
    expect(page.recommendations.find((r) => r.id === recent.recommendations[0])?.overdue).toBe(false);
  });

  it("filters by status (several), addressee, place, theme, overdue and visit, alone and together", async () => {
    const [renovate, register, train] = story.recommendations as [string, string, string];
    await (await callerFor(monitor)).caller.recommendations.recordUpdate({
      tenantSlug: workspace.slug, recommendationId: register, occurredOn: "2014-08-25", source: "authority_response",
      authorityId: authorities.institution.id, resultingStatus: "implemented", text: "The register is now complete.",
    });
    const sorted = async (filters: Record<string, unknown>) => ids((await list(viewer, filters)).recommendations).sort();
    expect(await sorted({ status: ["implemented"] })).toEqual([register]);
    expect(await sorted({ status: ["implemented", "open"] })).toHaveLength(5);
    expect(await sorted({ authorityId: authorities.ministry.id })).toEqual([renovate, train, prisonReport.recommendations[0]].sort());
    expect(await sorted({ placeId: prison.id })).toEqual(prisonReport.recommendations);
    expect(await sorted({ tag: "safeguards" })).toEqual([register, train].sort());
    // Answered (register) and not yet due (recent) are not overdue.
    expect(await sorted({ overdue: true })).toEqual([renovate, train, prisonReport.recommendations[0]].sort());
    expect(await sorted({ visitId: story.visitId })).toEqual([...story.recommendations].sort());
    expect(await sorted({ overdue: true, tag: "safeguards", authorityId: authorities.ministry.id, placeId: krusevac.id, status: ["open"] })).toEqual([train]);
    expect(await sorted({ tag: "nothing like this" })).toEqual([]);
  });

  it("pages with a keyset cursor: every row once, in order, across pages", async () => {
    const all = ids((await list(viewer)).recommendations);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await list(viewer, { limit: 2, cursor });
      seen.push(...ids(page.recommendations));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
    // A filtered list pages the same way.
    const first = await list(viewer, { placeId: krusevac.id, limit: 3 });
    const second = await list(viewer, { placeId: krusevac.id, limit: 3, cursor: first.nextCursor! });
    expect([...ids(first.recommendations), ...ids(second.recommendations)].sort()).toEqual([...story.recommendations, ...recent.recommendations].sort());
    await expect(list(viewer, { cursor: "not-a-cursor" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("offers the authorities, places and themes in use", async () => {
    const options = await (await callerFor(viewer)).caller.recommendations.filterOptions({ tenantSlug: workspace.slug });
    expect(options.authorities.map((a) => a.id).sort()).toEqual([authorities.institution.id, authorities.ministry.id].sort());
    expect(options.places.map((p) => p.id).sort()).toEqual([krusevac.id, prison.id].sort());
    expect(options.tags).toEqual(["material conditions", "regime", "safeguards", "training"]);
  });

  it("refuses another workspace's member and signed-out callers", async () => {
    await expect((await callerFor(outsider)).caller.recommendations.list({ tenantSlug: workspace.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect((await callerFor(null)).caller.recommendations.list({ tenantSlug: workspace.slug })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("recommendations.get and recordUpdate", () => {
  it("records the authority's response with a document, and shows it on the timeline", async () => {
    const [renovate] = story.recommendations as [string];
    const { caller } = await callerFor(monitor);
    const recorded = await caller.recommendations.recordUpdate({
      tenantSlug: workspace.slug, recommendationId: renovate, occurredOn: "2014-08-25", source: "authority_response", authorityId: authorities.institution.id,
      resultingStatus: "not_implemented", text: "The premises were not renovated for lack of material resources.",
      document: { fileName: "response.pdf", content: Readable.from([Buffer.from("%PDF-1.7\nresponse letter")]) },
    });
    expect(recorded.document).toMatchObject({ fileName: "response.pdf", contentType: "application/pdf", visitId: story.visitId, findingId: null });
    await caller.recommendations.recordUpdate({
      tenantSlug: workspace.slug, recommendationId: renovate, occurredOn: "2015-01-15", source: "npm_assessment",
      resultingStatus: "implemented", text: "Two new detention facilities were equipped to the standards.",
    });

    const detail = await (await callerFor(viewer)).caller.recommendations.get({ tenantSlug: workspace.slug, recommendationId: renovate });
    expect(detail).toMatchObject({
      number: 1, status: "implemented", overdue: false, firstResponseAt: new Date("2014-08-25"),
      place: { id: krusevac.id }, visit: { id: story.visitId }, report: { id: story.reportId, status: "sent" },
    });
    expect(detail.timeline.map((e) => [e.source, e.resultingStatus, e.authority?.id ?? null, e.documents.map((d) => d.fileName)])).toEqual([
      ["authority_response", "not_implemented", authorities.institution.id, ["response.pdf"]],
      ["npm_assessment", "implemented", null, []],
    ]);
    expect(detail.timeline[0]!.createdBy?.name).toBe("Monitor Maja");

    // The document is an attachment like any other: any member may open it; it does not appear as visit evidence.
    const opened = await (await callerFor(viewer)).caller.attachments.open({ tenantSlug: workspace.slug, attachmentId: detail.timeline[0]!.documents[0]!.id });
    expect(opened.sha256).toHaveLength(64);
    const evidence = await (await callerFor(viewer)).caller.findings.list({ tenantSlug: workspace.slug, visitId: story.visitId });
    expect(evidence.unlinkedAttachments).toEqual([]);

    const audit = await withTenant(workspace.id, null, (tx) =>
      tx.auditEvent.findMany({ where: { targetId: renovate, action: "recommendation.updated" }, select: { actorId: true } }),
    );
    expect(audit).toHaveLength(2);
  });

  it("refuses a document of a type that is not a document, and keeps nothing of the update", async () => {
    const [, , train] = story.recommendations as [string, string, string];
    const before = await (await callerFor(viewer)).caller.recommendations.get({ tenantSlug: workspace.slug, recommendationId: train });
    await expect(
      (await callerFor(monitor)).caller.recommendations.recordUpdate({
        tenantSlug: workspace.slug, recommendationId: train, occurredOn: "2014-09-01", source: "authority_response", resultingStatus: "accepted", text: "Accepted.",
        document: { fileName: "virus.exe", content: Readable.from([Buffer.from("MZ\x90\x00not a document at all")]) },
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const after = await (await callerFor(viewer)).caller.recommendations.get({ tenantSlug: workspace.slug, recommendationId: train });
    expect(after.timeline).toEqual(before.timeline);
    expect(after.status).toBe("open");
  });

  it("checks the authority and the visit named by an update", async () => {
    const [, , train] = story.recommendations as [string, string, string];
    const { caller } = await callerFor(monitor);
    const base = { tenantSlug: workspace.slug, recommendationId: train, occurredOn: "2014-09-01", resultingStatus: "accepted" as const, text: "Accepted." };
    const foreignAuthority = await withTenant(other.id, null, (tx) => tx.authority.findFirstOrThrow({ select: { id: true } }));
    await expect(caller.recommendations.recordUpdate({ ...base, source: "authority_response", authorityId: foreignAuthority.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.recommendations.recordUpdate({ ...base, source: "follow_up_visit", visitId: prisonReport.visitId })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.recommendations.recordUpdate({ ...base, source: "npm_assessment", occurredOn: "2999-01-01" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.recommendations.recordUpdate({ ...base, source: "npm_assessment", text: "  " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("lets viewers read but not record, and hides everything from another workspace", async () => {
    const [, , train] = story.recommendations as [string, string, string];
    const update = { recommendationId: train, occurredOn: "2014-09-01", source: "npm_assessment" as const, resultingStatus: "accepted" as const, text: "Accepted." };
    await expect((await callerFor(viewer)).caller.recommendations.recordUpdate({ tenantSlug: workspace.slug, ...update })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // A member of another workspace, in their own workspace, cannot reach this one's rows by id.
    const outsiderCaller = (await callerFor(outsider)).caller;
    await expect(outsiderCaller.recommendations.get({ tenantSlug: other.slug, recommendationId: train })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(outsiderCaller.recommendations.recordUpdate({ tenantSlug: other.slug, ...update })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(outsiderCaller.recommendations.get({ tenantSlug: workspace.slug, recommendationId: train })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const untouched = await withTenant(workspace.id, null, (tx) => tx.recommendation.findFirstOrThrow({ where: { id: train }, select: { status: true } }));
    expect(untouched.status).toBe("open");
  });
});

describe("recommendations.placeHistory", () => {
  it("shows a place's recommendations over the years, newest visit first, with the latest update", async () => {
    const history = await (await callerFor(viewer)).caller.recommendations.placeHistory({ tenantSlug: workspace.slug, placeId: krusevac.id });
    expect(ids(history.recommendations)).toEqual([...recent.recommendations, ...story.recommendations]);
    expect(history.more).toBe(false);
    const renovate = history.recommendations.find((r) => r.id === story.recommendations[0])!;
    expect(renovate.latestUpdate).toMatchObject({ source: "npm_assessment", resultingStatus: "implemented" });
    await expect((await callerFor(outsider)).caller.recommendations.placeHistory({ tenantSlug: other.slug, placeId: krusevac.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
