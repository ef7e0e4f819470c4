import { withTenant, type RecommendationStatus } from "@vigil/db";
import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, createWorkspaceWithRoles, type TestUser } from "../testing/index.ts";
import { createAuthorities, createSentReport } from "../testing/recommendations.ts";
import { createTestPlace } from "../testing/visits.ts";

/** A follow-up visit carries exactly the open recommendations of the visit it follows up. */
let owner: TestUser;
let monitor: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let workspace: { id: string; slug: string };
let place: { id: string };
let report: Awaited<ReturnType<typeof createSentReport>>;
const statuses: RecommendationStatus[] = ["open", "accepted", "in_progress", "implemented", "partially_implemented", "not_implemented", "rejected"];

beforeAll(async () => {
  ({ owner, monitor, viewer, outsider, workspace } = await createWorkspaceWithRoles());
  const { institution } = await createAuthorities(workspace.id);
  place = await createTestPlace(workspace.id, { name: "Police Department Kruševac" });
  const actor = { tenantId: workspace.id, userId: owner.id, role: "owner" as const, ipAddress: null };
  report = await createSentReport(actor, place.id, "2014-06-12", new Date("2014-06-20"), statuses.map((status) => ({ text: `Recommendation now ${status}.`, addressees: [institution.id] })));
  // One recommendation in each status.
  await withTenant(workspace.id, null, async (tx) => {
    for (const [index, status] of statuses.entries()) await tx.recommendation.updateMany({ where: { id: report.recommendations[index] }, data: { status } });
  });
});

const byStatus = (status: RecommendationStatus) => report.recommendations[statuses.indexOf(status)]!;

describe("follow-up visits", () => {
  it("plans a follow-up visit to the same place that carries exactly the open recommendations", async () => {
    const { caller } = await callerFor(monitor);
    const planned = await caller.recommendations.planFollowUpVisit({
      tenantSlug: workspace.slug, visitId: report.visitId, plannedStart: "2015-01-15", plannedEnd: "2015-01-16", announced: false, nightVisit: true,
    });
    expect(planned.openRecommendations).toBe(5);
    const visit = await caller.visits.get({ tenantSlug: workspace.slug, visitId: planned.id });
    expect(visit).toMatchObject({ type: "follow_up", status: "planned", nightVisit: true, place: { id: place.id } });
    const stored = await withTenant(workspace.id, null, (tx) => tx.visit.findFirstOrThrow({ where: { id: planned.id }, select: { followUpOfVisitId: true } }));
    expect(stored.followUpOfVisitId).toBe(report.visitId);

    const toVerify = await (await callerFor(viewer)).caller.recommendations.toVerify({ tenantSlug: workspace.slug, visitId: planned.id });
    expect(toVerify.followUpOf?.id).toBe(report.visitId);
    expect(toVerify.recommendations.map((r) => r.id).sort()).toEqual(
      (["open", "accepted", "in_progress", "partially_implemented", "not_implemented"] as const).map(byStatus).sort(),
    );

    // Verified on site as implemented: it stays on the follow-up visit's page, with its verification.
    await caller.recommendations.recordUpdate({
      tenantSlug: workspace.slug, recommendationId: byStatus("in_progress"), occurredOn: "2015-01-15", source: "follow_up_visit", visitId: planned.id,
      resultingStatus: "implemented", text: "Two new detention facilities, equipped to the standards.",
    });
    const after = await (await callerFor(viewer)).caller.recommendations.toVerify({ tenantSlug: workspace.slug, visitId: planned.id });
    expect(after.recommendations).toHaveLength(5);
    const verified = after.recommendations.find((r) => r.id === byStatus("in_progress"))!;
    expect(verified.status).toBe("implemented");
    expect(verified.verifications.map((v) => [v.source, v.resultingStatus, v.visit?.id])).toEqual([["follow_up_visit", "implemented", planned.id]]);
  });

  it("has nothing to verify on a visit that follows up nothing", async () => {
    const toVerify = await (await callerFor(viewer)).caller.recommendations.toVerify({ tenantSlug: workspace.slug, visitId: report.visitId });
    expect(toVerify).toEqual({ followUpOf: null, recommendations: [] });
  });

  it("is for monitors and above, and only inside the workspace", async () => {
    const input = { visitId: report.visitId, plannedStart: "2015-02-01", plannedEnd: "2015-02-01", announced: true, nightVisit: false };
    await expect((await callerFor(viewer)).caller.recommendations.planFollowUpVisit({ tenantSlug: workspace.slug, ...input })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect((await callerFor(outsider)).caller.recommendations.planFollowUpVisit({ tenantSlug: workspace.slug, ...input })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const count = await withTenant(workspace.id, null, (tx) => tx.visit.count({ where: { followUpOfVisitId: report.visitId } }));
    expect(count).toBe(1);
    await expect(
      (await callerFor(monitor)).caller.recommendations.planFollowUpVisit({ tenantSlug: workspace.slug, ...input, plannedEnd: "2015-01-01" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
