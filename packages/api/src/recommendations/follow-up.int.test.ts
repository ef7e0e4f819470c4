import { withTenant } from "@vigil/db";
import { describe, expect, it } from "vitest";
import { createTestUser, createTestWorkspace } from "../testing/index.ts";
import { createKrusevacVisit } from "../testing/recommendations.ts";
import { overdueRecommendations, recordRecommendationUpdate, responseDueDate, sendReport, similarRecommendations } from "./follow-up.ts";

/** A visit to a police department with a draft report of two recommendations (Kruševac, 2014). */
async function krusevac() {
  const owner = await createTestUser();
  const workspace = await createTestWorkspace(owner);
  const actor = { tenantId: workspace.id, userId: owner.id, role: "owner" as const, ipAddress: null };
  const ids = await withTenant(workspace.id, owner.id, async (tx) => {
    const tenantId = workspace.id;
    const { ministry, department, place, visit } = await createKrusevacVisit(tx, tenantId);
    const report = await tx.report.create({ data: { tenantId, visitId: visit.id, language: "sr-Cyrl" } });
    const texts = ["Renovate the detention premises so that they meet the applicable standards.", "Record every person's time of arrival and release in the custody register."];
    const recommendations = [];
    for (const [index, text] of texts.entries()) {
      const recommendation = await tx.recommendation.create({ data: { tenantId, reportId: report.id, visitId: visit.id, placeId: place.id, number: index + 1, text } });
      await tx.recommendationAddressee.createMany({ data: [department.id, ministry.id].map((authorityId) => ({ tenantId, recommendationId: recommendation.id, authorityId })) });
      recommendations.push(recommendation.id);
    }
    return { department: department.id, place: place.id, report: report.id, recommendations };
  });
  return { workspace, actor, ...ids };
}

describe("recommendation follow-up", () => {
  it("computes the response deadline as a calendar date", () => {
    expect(responseDueDate(new Date("2014-06-20T18:30:00Z"), 60).toISOString().slice(0, 10)).toBe("2014-08-19");
  });

  it("tells the Kruševac story: sent, overdue, answered, implemented months later", async () => {
    const story = await krusevac();
    const inTenant = <T>(work: Parameters<typeof withTenant<T>>[2]) => withTenant(story.workspace.id, story.actor.userId, work);

    const sent = await inTenant((tx) => sendReport(tx, story.actor, story.report, new Date("2014-06-20T10:00:00Z")));
    expect(sent).toEqual({ dueDate: new Date("2014-08-19"), recommendations: 2 });
    await expect(inTenant((tx) => sendReport(tx, story.actor, story.report, new Date()))).rejects.toMatchObject({ code: "CONFLICT" });

    // On 20 August nothing has come back: both are overdue.
    expect(await inTenant((tx) => overdueRecommendations(tx, new Date("2014-08-20")))).toHaveLength(2);

    // The department answers on 25 August: it complies, but cannot renovate for lack of resources.
    const [renovate, register] = story.recommendations as [string, string];
    await inTenant((tx) =>
      recordRecommendationUpdate(tx, story.actor, {
        recommendationId: renovate, occurredOn: new Date("2014-08-25"), source: "authority_response", authorityId: story.department,
        resultingStatus: "not_implemented", text: "The premises were not renovated for lack of material resources.",
      }),
    );
    await inTenant((tx) =>
      recordRecommendationUpdate(tx, story.actor, {
        recommendationId: register, occurredOn: new Date("2014-08-25"), source: "authority_response", authorityId: story.department,
        resultingStatus: "implemented", text: "The register is now complete.",
      }),
    );
    expect(await inTenant((tx) => overdueRecommendations(tx, new Date("2014-09-01")))).toEqual([]);

    // January 2015: two new detention facilities equipped to the standards.
    await inTenant((tx) =>
      recordRecommendationUpdate(tx, story.actor, {
        recommendationId: renovate, occurredOn: new Date("2015-01-15"), source: "authority_response", authorityId: story.department,
        resultingStatus: "implemented", text: "Two new detention facilities were equipped to the applicable standards.",
      }),
    );
    const timeline = await inTenant((tx) =>
      tx.recommendation.findFirstOrThrow({ where: { id: renovate }, select: { status: true, firstResponseAt: true, updates: { orderBy: { occurredOn: "asc" }, select: { resultingStatus: true } } } }),
    );
    expect(timeline).toEqual({
      status: "implemented",
      firstResponseAt: new Date("2014-08-25"),
      updates: [{ resultingStatus: "not_implemented" }, { resultingStatus: "implemented" }],
    });
  });

  it("finds an earlier, similar recommendation to the same place, and none for another place", async () => {
    const story = await krusevac();
    const similarNow = () => withTenant(story.workspace.id, story.actor.userId, (tx) =>
      similarRecommendations(tx, story.place, "Renovate the detention premises to meet the standards."),
    );
    // A draft report's recommendations are not earlier ones yet (decision 0190); once it is sent, they are.
    expect(await similarNow()).toEqual([]);
    await withTenant(story.workspace.id, story.actor.userId, (tx) => sendReport(tx, story.actor, story.report, new Date("2014-06-20T10:00:00Z")));
    expect((await similarNow()).map((r) => r.id)).toEqual([story.recommendations[0]]);
    const otherPlace = await withTenant(story.workspace.id, story.actor.userId, async (tx) => {
      const place = await tx.place.create({ data: { tenantId: story.workspace.id, name: "Police Department Niš", type: "police_custody" } });
      return similarRecommendations(tx, place.id, "Renovate the detention premises to meet the standards.");
    });
    expect(otherPlace).toEqual([]);
  });

  it("another workspace sees none of it, even by id", async () => {
    const story = await krusevac();
    const other = await createTestWorkspace(await createTestUser());
    const seen = await withTenant(other.id, null, async (tx) => ({
      recommendations: await tx.recommendation.count({ where: { id: { in: story.recommendations } } }),
      overdue: (await overdueRecommendations(tx, new Date("2030-01-01"))).length,
      similar: (await similarRecommendations(tx, story.place, "Renovate the detention premises")).length,
    }));
    expect(seen).toEqual({ recommendations: 0, overdue: 0, similar: 0 });
  });
});
