import { withTenant } from "@vigil/db";
import { beforeAll, describe, expect, it } from "vitest";
import { similarRecommendations } from "../recommendations/follow-up.ts";
import { addMember, createTestUser, createTestWorkspace } from "../testing/index.ts";
import type { DemoWorkspaceContext } from "./context.ts";
import { seedRegistry } from "./registry.ts";
import { seedReports } from "./reports.ts";
import { seedTemplates } from "./templates.ts";
import { seedVisits } from "./visits.ts";

const STATUSES = ["accepted", "implemented", "in_progress", "not_implemented", "open", "partially_implemented", "rejected"];
const day = (value: Date | null) => value?.toISOString().slice(0, 10) ?? null;

/** A workspace filled by the seeds the report seed builds on, as the demo does, then by the report seed. */
async function seededWorkspace(countryCode: "RS" | "UA", emails: [string, string]) {
  const owner = await createTestUser("Owner");
  const monitor = await createTestUser("Monitor");
  const workspace = await createTestWorkspace(owner);
  await addMember(workspace.id, monitor, "monitor");
  const context: DemoWorkspaceContext = {
    tenantId: workspace.id, slug: workspace.slug, countryCode, ownerId: owner.id, memberIds: new Map([[emails[0], owner.id], [emails[1], monitor.id]]),
  };
  await seedRegistry(context);
  await seedTemplates(context);
  await seedVisits(context);
  await seedReports(context);
  return { workspace, owner };
}

let serbia: Awaited<ReturnType<typeof seededWorkspace>>;
let ukraine: Awaited<ReturnType<typeof seededWorkspace>>;
beforeAll(async () => {
  serbia = await seededWorkspace("RS", ["jelena.petrovic@npm-serbia.example", "marko.jovanovic@npm-serbia.example"]);
  ukraine = await seededWorkspace("UA", ["olena.kovalenko@npm-ukraine.example", "andrii.shevchenko@npm-ukraine.example"]);
}, 120_000);

describe("demo reports and recommendations", () => {
  it("tells the Kruševac story: sent in June 2014 to the department and the ministry, answered in August, premises done in January 2015", async () => {
    const story = await withTenant(serbia.workspace.id, null, async (tx) => {
      const night = await tx.visit.findFirstOrThrow({ where: { place: { name: "Police Department Kruševac" }, plannedStart: new Date("2014-06-12") } });
      const report = await tx.report.findUniqueOrThrow({ where: { tenantId_visitId: { tenantId: serbia.workspace.id, visitId: night.id } } });
      const recommendations = await tx.recommendation.findMany({
        where: { reportId: report.id },
        orderBy: { number: "asc" },
        include: {
          addressees: { include: { authority: { select: { name: true } } } },
          updates: { orderBy: { occurredOn: "asc" }, include: { authority: { select: { name: true } }, visit: { select: { type: true } } } },
        },
      });
      const followUp = await tx.visit.findFirstOrThrow({ where: { followUpOfVisitId: night.id }, include: { report: true } });
      const sentAudit = await tx.auditEvent.count({ where: { action: "report.sent", targetId: report.id } });
      return { night, report, recommendations, followUp, sentAudit };
    });

    expect(story.night).toMatchObject({ nightVisit: true, status: "closed" });
    expect(story.report).toMatchObject({ status: "sent", language: "sr-Cyrl" });
    expect(day(story.report.sentAt)).toBe("2014-06-30");
    expect(story.sentAudit).toBe(1);
    expect(story.recommendations.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const recommendation of story.recommendations) {
      expect(recommendation.text).toMatch(/^Да се [а-яђјљњћџ]/); // Serbian Cyrillic, as the report's language says
      expect(recommendation.addressees.map((a) => a.authority.name).sort()).toEqual(["Ministry of Interior", "Police Department Kruševac"]);
      expect(day(recommendation.dueDate)).toBe("2014-08-29"); // sent + the workspace's 60 days
      expect(day(recommendation.firstResponseAt)).toBe("2014-08-25");
    }

    // August 2014: the department complied with most recommendations, but not with the renovation.
    const august = story.recommendations.map((r) => r.updates.find((u) => day(u.occurredOn) === "2014-08-25")!);
    expect(august.every((u) => u.source === "authority_response" && u.authority?.name === "Police Department Kruševac")).toBe(true);
    expect(august.filter((u) => u.resultingStatus === "implemented").length).toBeGreaterThanOrEqual(4);

    const premises = story.recommendations.find((r) => r.text.includes("просторије за задржавање реновирају"))!;
    expect(premises.updates.map((u) => [day(u.occurredOn), u.source, u.resultingStatus])).toEqual([
      ["2014-08-25", "authority_response", "not_implemented"],
      ["2015-01-20", "authority_response", "implemented"],
      [day(story.followUp.plannedStart), "follow_up_visit", "implemented"],
    ]);
    expect(premises.updates[0]!.text).toMatch(/недостатка материјалних средстава/);
    expect(premises.updates[1]!.text).toMatch(/две нове просторије/);
    expect(premises.updates[2]!.visit?.type).toBe("follow_up");
    expect(premises.status).toBe("implemented");

    // The follow-up visit points at the night visit; its report, still a draft, repeats the custody-records recommendation.
    expect(story.followUp.type).toBe("follow_up");
    expect(story.followUp.report?.status).toBe("draft");
    const custodyRecords = story.recommendations[0]!;
    const similar = await withTenant(serbia.workspace.id, null, (tx) =>
      similarRecommendations(tx, story.night.placeId, "Да се за свако задржано лице води потпуна евиденција о задржавању, са временом обавештавања браниоца и породице."),
    );
    expect(similar.map((s) => s.id)).toContain(custodyRecords.id);
  });

  it.each(["serbia", "ukraine"] as const)("gives %s lists and charts that look real", async (name) => {
    const { workspace } = name === "serbia" ? serbia : ukraine;
    const today = new Date();
    const seen = await withTenant(workspace.id, null, async (tx) => {
      const recommendations = await tx.recommendation.findMany({
        select: { status: true, priority: true, dueDate: true, firstResponseAt: true, themeTags: true, createdAt: true, place: { select: { type: true } }, _count: { select: { addressees: true } } },
      });
      return { recommendations, updates: await tx.recommendationUpdate.count(), audited: await tx.auditEvent.count({ where: { action: "recommendation.updated" } }) };
    });
    const recs = seen.recommendations;
    expect(recs.length).toBeGreaterThanOrEqual(30);
    expect(recs.length).toBeLessThanOrEqual(60);
    expect([...new Set(recs.map((r) => r.status))].sort()).toEqual(STATUSES);
    expect(new Set(recs.map((r) => r.priority)).size).toBe(3);
    expect(new Set(recs.map((r) => r.place.type)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(recs.map((r) => r.createdAt.getUTCFullYear())).size).toBeGreaterThanOrEqual(8);
    expect(new Set(recs.flatMap((r) => r.themeTags)).size).toBeGreaterThanOrEqual(6);
    expect(recs.every((r) => r._count.addressees > 0)).toBe(true);
    const overdue = recs.filter((r) => r.dueDate && r.dueDate < today && !r.firstResponseAt);
    const upcoming = recs.filter((r) => r.dueDate && r.dueDate > today);
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    expect(upcoming.length).toBeGreaterThanOrEqual(2);
    // Every timeline entry went through the follow-up service, and so into the audit log.
    expect(seen.audited).toBe(seen.updates);
  });

  it("keeps each workspace's demo to itself", async () => {
    const serbianIds = await withTenant(serbia.workspace.id, null, async (tx) => (await tx.recommendation.findMany({ select: { id: true } })).map((r) => r.id));
    const inUkraine = await withTenant(ukraine.workspace.id, null, async (tx) => ({
      serbianRows: await tx.recommendation.count({ where: { id: { in: serbianIds } } }),
      texts: (await tx.recommendation.findMany({ select: { text: true } })).map((r) => r.text),
      reports: (await tx.report.findMany({ select: { language: true } })).map((r) => r.language),
    }));
    expect(inUkraine.serbianRows).toBe(0);
    expect(new Set(inUkraine.reports)).toEqual(new Set(["uk"]));
    // Letters only Serbian Cyrillic has (ђ ј љ њ ћ џ) never appear in Ukraine's recommendations, and the reverse.
    expect(inUkraine.texts.filter((text) => /[ђјљњћџ]/i.test(text))).toEqual([]);
    const serbianTexts = await withTenant(serbia.workspace.id, null, async (tx) => (await tx.recommendation.findMany({ select: { text: true } })).map((r) => r.text));
    expect(serbianTexts.filter((text) => /[іїєґ]/i.test(text))).toEqual([]);
  });
});
