import { withTenant, type VisitStatus } from "@vigil/db";
import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, createTestUser, createTestWorkspace, addMember, type TestUser } from "../testing/index.ts";
import { createTestPlace, planInput } from "../testing/visits.ts";

let owner: TestUser;
let viewer: TestUser;
let workspace: { id: string; slug: string };
const ids: Record<string, string> = {};

async function plan(name: string, placeId: string, start: string, end: string, status: VisitStatus = "planned") {
  const { id } = await (await callerFor(owner)).caller.visits.plan(planInput(workspace.slug, placeId, { plannedStart: start, plannedEnd: end }));
  if (status !== "planned") await withTenant(workspace.id, null, (tx) => tx.visit.updateMany({ where: { id }, data: { status } }));
  ids[name] = id;
}

beforeAll(async () => {
  owner = await createTestUser();
  viewer = await createTestUser();
  workspace = await createTestWorkspace(owner);
  await addMember(workspace.id, viewer, "viewer");
  const krusevac = await createTestPlace(workspace.id, { type: "police_custody", region: "Rasina" });
  const prison = await createTestPlace(workspace.id, { type: "prison", region: "Belgrade" });
  await plan("night2014", krusevac.id, "2014-06-12", "2014-06-12", "closed");
  await plan("prison2014", prison.id, "2014-11-03", "2014-11-05", "report_sent");
  await plan("prisonJune", prison.id, "2025-06-30", "2025-07-02", "in_progress");
  await plan("custodyJuly", krusevac.id, "2025-07-15", "2025-07-15", "cancelled");
  await plan("future1", krusevac.id, "2099-01-10", "2099-01-10");
  await plan("future2", prison.id, "2099-01-10", "2099-01-12");
  // Another workspace's visit in the same month never shows up.
  const other = await createTestWorkspace(await createTestUser());
  const otherPlace = await createTestPlace(other.id, { region: "Rasina" });
  await withTenant(other.id, null, (tx) =>
    tx.visit.create({ data: { tenantId: other.id, placeId: otherPlace.id, type: "ad_hoc", plannedStart: new Date("2014-06-12"), plannedEnd: new Date("2014-06-12") } }),
  );
});

const names = (rows: { id: string }[]) => rows.map((row) => Object.keys(ids).find((name) => ids[name] === row.id) ?? "foreign");

describe("the visit list", () => {
  it("lists the workspace's visits newest first", async () => {
    const { caller } = await callerFor(viewer);
    const page = await caller.visits.list({ tenantSlug: workspace.slug });
    // Equal start dates are ordered by id (descending), so the tie is stable.
    const tie = [ids.future1!, ids.future2!].sort().reverse().map((id) => (id === ids.future1 ? "future1" : "future2"));
    expect(names(page.visits)).toEqual([...tie, "custodyJuly", "prisonJune", "prison2014", "night2014"]);
    expect(page.nextCursor).toBeNull();
  });

  it("filters by status, place type, region and year, alone and together", async () => {
    const { caller } = await callerFor(viewer);
    const list = async (filters: Record<string, unknown>) => names((await caller.visits.list({ tenantSlug: workspace.slug, ...filters })).visits);
    expect(await list({ status: "closed" })).toEqual(["night2014"]);
    expect((await list({ placeType: "prison" })).sort()).toEqual(["future2", "prison2014", "prisonJune"]);
    expect((await list({ region: "Rasina" })).sort()).toEqual(["custodyJuly", "future1", "night2014"]);
    expect(await list({ year: 2014 })).toEqual(["prison2014", "night2014"]);
    expect(await list({ year: 2014, placeType: "police_custody", region: "Rasina", status: "closed" })).toEqual(["night2014"]);
    expect(await list({ year: 2014, status: "planned" })).toEqual([]);
  });

  it("pages with a keyset cursor without repeating or skipping a visit", async () => {
    const { caller } = await callerFor(viewer);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await caller.visits.list({ tenantSlug: workspace.slug, limit: 2, cursor });
      expect(page.visits.length).toBeLessThanOrEqual(2);
      seen.push(...page.visits.map((v) => v.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual((await caller.visits.list({ tenantSlug: workspace.slug })).visits.map((v) => v.id));
    expect(await caller.visits.list({ tenantSlug: workspace.slug, cursor: "not-a-cursor" }).catch((e: { code: string }) => e.code)).toBe("BAD_REQUEST");
  });

  it("offers the regions of the workspace's places and the years it visited", async () => {
    const { caller } = await callerFor(viewer);
    expect(await caller.visits.filterOptions({ tenantSlug: workspace.slug })).toEqual({ regions: ["Belgrade", "Rasina"], years: [2099, 2025, 2014] });
  });
});

describe("the calendar and the upcoming visits", () => {
  it("shows a month's visits, including one that began in the month before", async () => {
    const { caller } = await callerFor(viewer);
    expect(names(await caller.visits.calendar({ tenantSlug: workspace.slug, year: 2025, month: 7 }))).toEqual(["prisonJune", "custodyJuly"]);
    expect(names(await caller.visits.calendar({ tenantSlug: workspace.slug, year: 2025, month: 6 }))).toEqual(["prisonJune"]);
    expect(names(await caller.visits.calendar({ tenantSlug: workspace.slug, year: 2014, month: 6 }))).toEqual(["night2014"]);
    expect(await caller.visits.calendar({ tenantSlug: workspace.slug, year: 2014, month: 5 })).toEqual([]);
  });

  it("lists the next planned or ongoing visits, not past, cancelled or finished ones", async () => {
    const { caller } = await callerFor(viewer);
    expect(names(await caller.visits.upcoming({ tenantSlug: workspace.slug })).sort()).toEqual(["future1", "future2"]);
  });

  it("shows the place's earlier visits in the preparation view", async () => {
    const { caller } = await callerFor(viewer);
    const preparation = await caller.visits.preparation({ tenantSlug: workspace.slug, visitId: ids.future1! });
    expect(names(preparation.earlierVisits)).toEqual(["custodyJuly", "night2014"]);
    expect(preparation.earlierVisits.map((v) => v.status)).toEqual(["cancelled", "closed"]);
  });
});
