import { withTenant } from "@vigil/db";
import { beforeAll, describe, expect, it } from "vitest";
import { sendReport } from "../recommendations/follow-up.ts";
import { callerFor, codeOf, createWorkspaceWithRoles, type TestUser } from "../testing/index.ts";
import { createAuthorities, createDraftReport, createSentReport } from "../testing/recommendations.ts";
import { createTestPlace } from "../testing/visits.ts";

/**
 * Repeated recommendations (issue 16 §3, docs/decisions/0192): a drafted recommendation keeps its
 * hints of earlier ones to the same place, is marked as repeating one in one call, and the link shows
 * on both once its report is sent. Only an earlier recommendation of a sent report, to the same
 * place, can be repeated; a viewer cannot mark, another workspace's member finds nothing.
 */
let owner: TestUser;
let monitor: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let workspace: { id: string; slug: string };
let earlier: Awaited<ReturnType<typeof createSentReport>>;
let elsewhere: Awaited<ReturnType<typeof createSentReport>>;
let otherDraft: Awaited<ReturnType<typeof createDraftReport>>;
let draft: Awaited<ReturnType<typeof createDraftReport>>;

beforeAll(async () => {
  ({ owner, monitor, viewer, outsider, workspace } = await createWorkspaceWithRoles());
  const { institution } = await createAuthorities(workspace.id);
  const place = await createTestPlace(workspace.id, { name: "Police Station Repeat" });
  const otherPlace = await createTestPlace(workspace.id, { name: "Police Station Elsewhere" });
  const actor = { tenantId: workspace.id, userId: owner.id, role: "owner" as const, ipAddress: null };
  const text = "Renovate the detention premises so that they meet the applicable standards.";
  earlier = await createSentReport(actor, place.id, "2014-06-12", new Date("2014-06-20"), [
    { text, addressees: [institution.id] },
    { text: "Keep a register of every use of force.", addressees: [institution.id] },
  ]);
  elsewhere = await createSentReport(actor, otherPlace.id, "2015-02-01", new Date("2015-02-10"), [{ text, addressees: [institution.id] }]);
  otherDraft = await createDraftReport(actor, place.id, "2016-01-10", [{ text, addressees: [institution.id] }]);
  draft = await createDraftReport(actor, place.id, "2017-05-03", [{ text: "Renovate the detention premises so that they meet the standards.", addressees: [institution.id] }]);
});

const caller = async (user: TestUser) => (await callerFor(user)).caller;
const draftRecommendation = () => draft.recommendations[0]!;

describe("repeated recommendations", () => {
  it("keeps the hints of earlier, sent recommendations to the same place beside each drafted one", async () => {
    const report = await (await caller(monitor)).reports.get({ tenantSlug: workspace.slug, visitId: draft.visitId });
    const hints = report.report!.recommendations[0]!.repeatHints;
    expect(hints.map((h) => h.id)).toEqual([earlier.recommendations[0]]);
    expect(hints[0]).toMatchObject({ number: 1, visitId: earlier.visitId });
    // Not the other place's, not another draft's.
    expect(hints.map((h) => h.id)).not.toContain(elsewhere.recommendations[0]);
    expect(hints.map((h) => h.id)).not.toContain(otherDraft.recommendations[0]);
  });

  it("refuses to link to another place's, a draft's or its own visit's recommendation, and changes nothing", async () => {
    const c = await caller(monitor);
    for (const target of [elsewhere.recommendations[0]!, otherDraft.recommendations[0]!, draftRecommendation()]) {
      expect(await codeOf(c.reports.markRepeat({ tenantSlug: workspace.slug, recommendationId: draftRecommendation(), repeatsRecommendationId: target }))).toBe("NOT_FOUND");
    }
    const row = await withTenant(workspace.id, null, (tx) => tx.recommendation.findFirst({ where: { id: draftRecommendation() }, select: { repeatsRecommendationId: true } }));
    expect(row?.repeatsRecommendationId).toBeNull();
  });

  it("refuses a viewer, and another workspace's member finds nothing", async () => {
    const input = { tenantSlug: workspace.slug, recommendationId: draftRecommendation(), repeatsRecommendationId: earlier.recommendations[0]! };
    expect(await codeOf((await caller(viewer)).reports.markRepeat(input))).toBe("FORBIDDEN");
    expect(await codeOf((await caller(outsider)).reports.markRepeat(input))).toBe("NOT_FOUND");
  });

  it("marks the repeat in one call, shows it in the editor, and on both recommendations once sent", async () => {
    const c = await caller(monitor);
    await c.reports.markRepeat({ tenantSlug: workspace.slug, recommendationId: draftRecommendation(), repeatsRecommendationId: earlier.recommendations[0]! });
    const report = await c.reports.get({ tenantSlug: workspace.slug, visitId: draft.visitId });
    expect(report.report!.recommendations[0]!.repeats).toMatchObject({ id: earlier.recommendations[0], number: 1, visit: { id: earlier.visitId } });
    // Not on the earlier one's page while the new report is a draft (decision 0190).
    expect((await c.recommendations.get({ tenantSlug: workspace.slug, recommendationId: earlier.recommendations[0]! })).repeatedBy).toEqual([]);

    await withTenant(workspace.id, owner.id, (tx) => sendReport(tx, { tenantId: workspace.id, userId: owner.id, role: "owner", ipAddress: null }, draft.reportId, new Date("2017-06-01")));
    const before = await c.recommendations.get({ tenantSlug: workspace.slug, recommendationId: earlier.recommendations[0]! });
    expect(before.repeatedBy.map((r) => r.id)).toEqual([draftRecommendation()]);
    const after = await c.recommendations.get({ tenantSlug: workspace.slug, recommendationId: draftRecommendation() });
    expect(after.repeats?.id).toBe(earlier.recommendations[0]);
    // A sent report is a record: the mark can no longer change.
    expect(await codeOf(c.reports.markRepeat({ tenantSlug: workspace.slug, recommendationId: draftRecommendation(), repeatsRecommendationId: null }))).toBe("CONFLICT");
  });
});
