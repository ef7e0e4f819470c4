import { withTenant } from "@vigil/db";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { recordRecommendationUpdate, sendReport } from "../recommendations/follow-up.ts";
import { addMember, callerFor, createTestUser, createTestWorkspace, type TestUser } from "../testing/index.ts";

const DAY = 24 * 60 * 60 * 1000;
const today = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()));
const inDays = (days: number) => new Date(today.getTime() + days * DAY);

/**
 * A known workspace: a police station (institution A under ministry M) visited in 2024 with three
 * recommendations, a prison (institution B) visited in 2025 with two, a cancelled visit, a visit
 * planned for next week, and two reprisal-risk interviews (one follow-up due, one not yet).
 */
async function fixture(owner: TestUser) {
  const workspace = await createTestWorkspace(owner);
  const tenantId = workspace.id;
  const actor = { tenantId, userId: owner.id, role: "owner" as const, ipAddress: null };
  const ids = await withTenant(tenantId, owner.id, async (tx) => {
    const ministry = await tx.authority.create({ data: { tenantId, kind: "ministry", name: "Ministry of Interior" } });
    const institutionA = await tx.authority.create({ data: { tenantId, kind: "institution", name: "Police Department Kruševac", parentId: ministry.id } });
    const institutionB = await tx.authority.create({ data: { tenantId, kind: "institution", name: "District Prison Niš" } });
    const station = await tx.place.create({ data: { tenantId, name: "Полицијска станица Крушевац", type: "police_custody", authorityId: institutionA.id } });
    const prison = await tx.place.create({ data: { tenantId, name: "District Prison Niš", type: "prison", authorityId: institutionB.id } });
    const visit = (placeId: string, start: string | Date, status: "closed" | "report_sent" | "cancelled" | "planned") =>
      tx.visit.create({ data: { tenantId, placeId, type: "in_depth", plannedStart: new Date(start), plannedEnd: new Date(start), status } });
    const v2024 = await visit(station.id, "2024-03-01", "closed");
    const v2025 = await visit(prison.id, "2025-05-10", "report_sent");
    await visit(station.id, "2025-09-01", "cancelled");
    const planned = await visit(prison.id, inDays(7), "planned");
    const recommend = async (visitId: string, placeId: string, texts: { text: string; to: string[] }[]) => {
      const report = await tx.report.create({ data: { tenantId, visitId, language: "en" } });
      const made = [];
      for (const [index, { text, to }] of texts.entries()) {
        const r = await tx.recommendation.create({ data: { tenantId, reportId: report.id, visitId, placeId, number: index + 1, text } });
        await tx.recommendationAddressee.createMany({ data: to.map((authorityId) => ({ tenantId, recommendationId: r.id, authorityId })) });
        made.push(r.id);
      }
      return { report: report.id, recommendations: made };
    };
    const first = await recommend(v2024.id, station.id, [
      { text: "Record every arrival and release in the custody register.", to: [institutionA.id, ministry.id] },
      { text: "Обновити просторије за задржавање.", to: [institutionA.id] },
      { text: "=Train staff on the rights of detained persons.", to: [institutionA.id] },
    ]);
    const second = await recommend(v2025.id, prison.id, [
      { text: "Provide daily outdoor exercise.", to: [institutionB.id] },
      { text: "Hire a full-time doctor.", to: [institutionB.id, ministry.id] },
    ]);
    await tx.interview.createMany({
      data: [
        { tenantId, visitId: v2025.id, pseudonym: "D-01", category: "detainee", consentGiven: true, reprisalRisk: true, followUpDue: inDays(-3) },
        { tenantId, visitId: v2025.id, pseudonym: "D-02", category: "detainee", consentGiven: true, reprisalRisk: true, followUpDue: inDays(30) },
      ],
    });
    return { institutionA: institutionA.id, institutionB: institutionB.id, ministry: ministry.id, planned: planned.id, first, second };
  });
  await withTenant(tenantId, owner.id, async (tx) => {
    await sendReport(tx, actor, ids.first.report, new Date("2024-04-01T10:00:00Z"));
    await sendReport(tx, actor, ids.second.report, new Date("2025-06-01T10:00:00Z"));
    const answer = (recommendationId: string, status: "implemented" | "partially_implemented" | "not_implemented", authorityId: string) =>
      recordRecommendationUpdate(tx, actor, { recommendationId, occurredOn: new Date("2025-07-01"), source: "authority_response", authorityId, resultingStatus: status, text: "Answer." });
    const [r1, r2] = ids.first.recommendations as [string, string, string];
    const [r4] = ids.second.recommendations as [string, string];
    await answer(r1, "implemented", ids.institutionA);
    await answer(r2, "partially_implemented", ids.institutionA);
    await answer(r4, "not_implemented", ids.institutionB);
  });
  return { workspace, ...ids };
}

let owner: TestUser;
let story: Awaited<ReturnType<typeof fixture>>;
const slug = () => story.workspace.slug;

beforeAll(async () => {
  owner = await createTestUser();
  story = await fixture(owner);
  // Another workspace with the very same data: if anything leaked, every figure below would double.
  await fixture(await createTestUser());
});

type Caller = Awaited<ReturnType<typeof callerFor>>["caller"];
const figures = (caller: Caller, tenantSlug: string, year?: number) => caller.dashboard.figures({ tenantSlug, year });

describe("dashboard figures", () => {
  it("counts upcoming visits, overdue responses, follow-ups due and recommendations by status", async () => {
    const { caller } = await callerFor(owner);
    const summary = (await figures(caller, slug())).summary;
    expect(summary.upcoming.count).toBe(1);
    expect(summary.upcoming.next.map((v) => v.id)).toEqual([story.planned]);
    // Not answered by the due date: the third recommendation of 2024 and the doctor of 2025.
    expect(summary.overdue.count).toBe(2);
    expect(summary.overdue.oldest.map((r) => [r.number, r.placeName])).toEqual([[3, "Полицијска станица Крушевац"], [2, "District Prison Niš"]]);
    // The same due dates (calendar days) as the recommendations' own pages show.
    const stored = await withTenant(story.workspace.id, null, (tx) =>
      tx.recommendation.findMany({ where: { id: { in: summary.overdue.oldest.map((r) => r.id) } }, select: { id: true, dueDate: true } }),
    );
    expect(summary.overdue.oldest.map((r) => r.dueDate)).toEqual(summary.overdue.oldest.map((r) => stored.find((s) => s.id === r.id)?.dueDate));
    expect(summary.followUps).toEqual({ open: 2, due: 1 });
    expect(Object.fromEntries(summary.byStatus.map((s) => [s.status, s.count]))).toEqual({
      open: 2, accepted: 0, in_progress: 0, implemented: 1, partially_implemented: 1, not_implemented: 1, rejected: 0,
    });
    expect(summary.years).toEqual([today.getUTCFullYear(), 2025, 2024].filter((y, i, all) => all.indexOf(y) === i));

    const in2024 = (await figures(caller, slug(), 2024)).summary;
    expect(in2024.byStatus.filter((s) => s.count > 0)).toEqual([
      { status: "open", count: 1 }, { status: "implemented", count: 1 }, { status: "partially_implemented", count: 1 },
    ]);
  });

  it("rates implementation by authority, place type and year (implemented 1, partially ½, of those sent)", async () => {
    const { caller } = await callerFor(owner);
    const rates = (await figures(caller, slug())).implementation;
    expect(rates.byYear).toEqual([
      { year: 2024, sent: 3, implemented: 1, partial: 1, rate: 0.5 },
      { year: 2025, sent: 2, implemented: 0, partial: 0, rate: 0 },
    ]);
    // In the enum's order (prison first), as the charts show them.
    expect(rates.byPlaceType).toEqual([
      { placeType: "prison", sent: 2, implemented: 0, partial: 0, rate: 0 },
      { placeType: "police_custody", sent: 3, implemented: 1, partial: 1, rate: 0.5 },
    ]);
    expect(rates.byAuthority.map((a) => [a.authorityId, a.sent, a.implemented, a.partial, a.rate])).toEqual([
      [story.institutionA, 3, 1, 1, 0.5],
      [story.institutionB, 2, 0, 0, 0],
      [story.ministry, 2, 1, 0, 0.5],
    ]);
    const in2025 = (await figures(caller, slug(), 2025)).implementation;
    expect(in2025.byYear.map((y) => y.year)).toEqual([2025]);
    expect(in2025.byAuthority.map((a) => a.authorityId).sort()).toEqual([story.institutionB, story.ministry].sort());
  });

  it("counts visits per place type per year, without cancelled ones", async () => {
    const { caller } = await callerFor(owner);
    const rows = (await figures(caller, slug())).visitsByPlaceType;
    const plannedYear = inDays(7).getUTCFullYear();
    expect(rows).toEqual([
      { year: 2024, placeType: "police_custody", count: 1 },
      { year: 2025, placeType: "prison", count: 1 },
      { year: plannedYear, placeType: "prison", count: 1 },
    ]);
    expect((await figures(caller, slug(), 2025)).visitsByPlaceType).toEqual([{ year: 2025, placeType: "prison", count: 1 }]);
  });

  it("a new workspace shows zeros, and its member cannot read another workspace's figures", async () => {
    const newcomer = await createTestUser();
    const empty = await createTestWorkspace(newcomer);
    const { caller } = await callerFor(newcomer);
    const { summary, implementation, visitsByPlaceType } = await figures(caller, empty.slug);
    expect(summary).toMatchObject({ upcoming: { count: 0, next: [] }, overdue: { count: 0, oldest: [] }, followUps: { open: 0, due: 0 }, years: [] });
    expect(summary.byStatus.every((s) => s.count === 0)).toBe(true);
    expect(implementation).toEqual({ authorityLimit: 15, byAuthority: [], byPlaceType: [], byYear: [] });
    expect(visitsByPlaceType).toEqual([]);
    for (const call of [
      () => figures(caller, slug()),
      () => figures(caller, slug(), 2025),
      () => caller.dashboard.exportVisits({ tenantSlug: slug(), format: "csv" }),
      () => caller.dashboard.exportRecommendations({ tenantSlug: slug(), format: "xlsx" }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    const { caller: anonymous } = await callerFor(null);
    await expect(figures(anonymous, slug())).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("viewers see the same figures; follow-ups keep their need to know (a monitor outside the team counts none)", async () => {
    const viewer = await createTestUser();
    const monitor = await createTestUser();
    await addMember(story.workspace.id, viewer, "viewer");
    await addMember(story.workspace.id, monitor, "monitor");
    const ofOwner = await figures((await callerFor(owner)).caller, slug());
    const { summary: viewerSummary, ...viewerFigures } = await figures((await callerFor(viewer)).caller, slug());
    expect(viewerSummary.byStatus).toEqual(ofOwner.summary.byStatus);
    expect(viewerFigures).toEqual({ implementation: ofOwner.implementation, visitsByPlaceType: ofOwner.visitsByPlaceType });
    expect(viewerSummary.overdue.count).toBe(2);
    expect(viewerSummary.followUps).toEqual({ open: 0, due: 0 });
    expect((await figures((await callerFor(monitor)).caller, slug())).summary.followUps).toEqual({ open: 0, due: 0 });
  });
});

const BOM = "\uFEFF";

async function xlsxRows(content: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** An XLSX cell as the CSV writes it (dates as calendar days). */
const asCsvCell = (cell: unknown) => (cell instanceof Date ? cell.toISOString().slice(0, 10) : cell === undefined || cell === null ? "" : String(cell));

describe("annual-report exports", () => {
  it("recommendations: CSV (UTF-8 with BOM) and XLSX hold the database's rows, and nothing of another workspace", async () => {
    const { caller } = await callerFor(owner);
    const csv = await caller.dashboard.exportRecommendations({ tenantSlug: slug(), format: "csv" });
    expect(csv.contentType).toBe("text/csv; charset=utf-8");
    expect(csv.fileName).toBe(`recommendations-${slug()}-all.csv`);
    const text = csv.content.toString("utf8");
    expect(text.startsWith(BOM)).toBe(true);
    const [header, ...rows] = parse(text.slice(1)) as string[][];
    expect(header).toEqual(["Visit date", "Place", "Place type", "No.", "Recommendation", "Addressees", "Themes", "Priority", "Status", "Response due", "First response", "Overdue"]);

    const fromDb = await withTenant(story.workspace.id, owner.id, (tx) =>
      tx.recommendation.findMany({
        select: { number: true, text: true, status: true, dueDate: true, visit: { select: { plannedStart: true } }, addressees: { select: { authority: { select: { name: true } } } } },
        orderBy: [{ visit: { plannedStart: "asc" } }, { number: "asc" }],
      }),
    );
    const statusLabel = { open: "Open", implemented: "Implemented", partially_implemented: "Partially implemented", not_implemented: "Not implemented" } as Record<string, string>;
    expect(rows.map((r) => [r[0], r[3], r[4]?.replace(/^'/, ""), r[8], r[9], r[5]?.split("; ").sort()])).toEqual(
      fromDb.map((r) => [
        r.visit.plannedStart.toISOString().slice(0, 10), String(r.number), r.text, statusLabel[r.status], r.dueDate?.toISOString().slice(0, 10),
        r.addressees.map((a) => a.authority.name).sort(),
      ]),
    );
    // A text that starts like a formula is defused in the CSV; the Cyrillic survives.
    expect(rows.map((r) => r[4])).toContain("'=Train staff on the rights of detained persons.");
    expect(rows.map((r) => r[1])).toContain("Полицијска станица Крушевац");
    expect(rows.map((r) => r[11])).toEqual(["No", "No", "Yes", "No", "Yes"]);

    const xlsx = await caller.dashboard.exportRecommendations({ tenantSlug: slug(), format: "xlsx" });
    expect(xlsx.fileName).toBe(`recommendations-${slug()}-all.xlsx`);
    const sheet = await xlsxRows(xlsx.content);
    expect(sheet[0]).toEqual(header);
    expect(sheet.slice(1).map((row) => header!.map((_, i) => asCsvCell(row[i])).map((cell) => (cell.startsWith("=") ? `'${cell}` : cell)))).toEqual(rows);
  });

  it("visits: CSV and XLSX with the year filter, the same rows as the database", async () => {
    const { caller } = await callerFor(owner);
    const csv = await caller.dashboard.exportVisits({ tenantSlug: slug(), format: "csv", year: 2025 });
    expect(csv.fileName).toBe(`visits-${slug()}-2025.csv`);
    const [header, ...rows] = parse(csv.content.toString("utf8").slice(1)) as string[][];
    expect(header).toEqual(["Start", "End", "Place", "Place type", "Region", "Visit type", "Status", "Announced", "Night visit", "Recommendations"]);
    expect(rows).toEqual([
      ["2025-05-10", "2025-05-10", "District Prison Niš", "Prison", "", "In-depth visit", "Report sent", "No", "No", "2"],
      ["2025-09-01", "2025-09-01", "Полицијска станица Крушевац", "Police custody", "", "In-depth visit", "Cancelled", "No", "No", "0"],
    ]);
    const all = await caller.dashboard.exportVisits({ tenantSlug: slug(), format: "xlsx" });
    const sheet = await xlsxRows(all.content);
    const count = await withTenant(story.workspace.id, owner.id, (tx) => tx.visit.count());
    expect(sheet).toHaveLength(count + 1);
    expect(sheet.slice(1).map((row) => asCsvCell(row[0]))).toEqual(["2024-03-01", "2025-05-10", "2025-09-01", inDays(7).toISOString().slice(0, 10)]);
    expect(sheet[2]?.slice(0, 3)).toEqual([new Date("2025-05-10"), new Date("2025-05-10"), "District Prison Niš"]);
    expect(sheet[2]?.[9]).toBe(2);
  });
});
