import { withTenant } from "@vigil/db";
import { beforeAll, describe, expect, it } from "vitest";
import { sendOverdueReminders } from "./reminders.ts";
import { callerFor, codeOf, createTestUser, createTestWorkspace, type TestUser } from "../testing/index.ts";
import { createAuthorities, createDraftReport, createSentReport } from "../testing/recommendations.ts";
import { useSmtpReceiver } from "../testing/smtp.ts";
import { createTestPlace } from "../testing/visits.ts";

/**
 * Until its report is sent a recommendation belongs to the report editor only (issue 16 §3,
 * docs/decisions/0190): the list, its filter options and counts, the place's history, the detail,
 * the dashboard figures, the exports and the reminders leave out a draft report's recommendations.
 * The draft's recommendation carries a past due date on purpose, as if it had one: only its
 * report's status keeps it out, not the absence of a deadline. Dates are in 1995, which no other
 * test uses, so the reminder job run here reminds nothing of theirs.
 */
const smtp = useSmtpReceiver();
let owner: TestUser;
let workspace: { id: string; slug: string };
let sent: Awaited<ReturnType<typeof createSentReport>>;
let draft: Awaited<ReturnType<typeof createDraftReport>>;
let draftPlace: { id: string };
const DRAFT_TEXT = "Draft only: close the basement cells.";

beforeAll(async () => {
  owner = await createTestUser();
  workspace = await createTestWorkspace(owner);
  const { ministry, institution } = await createAuthorities(workspace.id);
  const place = await createTestPlace(workspace.id, { name: "Police Station Sent" });
  draftPlace = await createTestPlace(workspace.id, { name: "Police Station Draft" });
  const actor = { tenantId: workspace.id, userId: owner.id, role: "owner" as const, ipAddress: null };
  sent = await createSentReport(actor, place.id, "1995-01-05", new Date("1995-01-10"), [
    { text: "Sent: renovate the premises.", themeTags: ["sent-tag"], addressees: [institution.id] },
  ]);
  draft = await createDraftReport(actor, draftPlace.id, "1995-01-20", [
    { text: DRAFT_TEXT, themeTags: ["draft-tag"], addressees: [ministry.id] },
  ]);
  await withTenant(workspace.id, null, (tx) =>
    tx.recommendation.updateMany({ where: { id: { in: draft.recommendations } }, data: { dueDate: new Date("1995-02-01") } }),
  );
});

const caller = async () => (await callerFor(owner)).caller;

describe("a draft report's recommendations", () => {
  it("stay out of the list, its filter options and its counts", async () => {
    const c = await caller();
    const list = await c.recommendations.list({ tenantSlug: workspace.slug });
    expect(list.recommendations.map((r) => r.id)).toEqual(sent.recommendations);
    const byVisit = await c.recommendations.list({ tenantSlug: workspace.slug, visitId: draft.visitId });
    expect(byVisit.recommendations).toEqual([]);
    const overdue = await c.recommendations.list({ tenantSlug: workspace.slug, overdue: true });
    expect(overdue.recommendations.map((r) => r.id)).toEqual(sent.recommendations);
    const options = await c.recommendations.filterOptions({ tenantSlug: workspace.slug });
    expect(options.tags).toEqual(["sent-tag"]);
    expect(options.places.map((p) => p.name)).toEqual(["Police Station Sent"]);
    expect(options.authorities).toHaveLength(1);
  });

  it("stay out of the place's history, and have no page or timeline of their own yet", async () => {
    const c = await caller();
    const history = await c.recommendations.placeHistory({ tenantSlug: workspace.slug, placeId: draftPlace.id });
    expect(history.recommendations).toEqual([]);
    const id = draft.recommendations[0]!;
    expect(await codeOf(c.recommendations.get({ tenantSlug: workspace.slug, recommendationId: id }))).toBe("NOT_FOUND");
    expect(
      await codeOf(c.recommendations.recordUpdate({ tenantSlug: workspace.slug, recommendationId: id, source: "npm_assessment", occurredOn: "1995-09-01", resultingStatus: "in_progress", text: "Too early." })),
    ).toBe("NOT_FOUND");
    expect(await withTenant(workspace.id, null, (tx) => tx.recommendationUpdate.count({ where: { recommendationId: id } }))).toBe(0);
  });

  it("stay out of the dashboard's figures", async () => {
    const figures = await (await caller()).dashboard.figures({ tenantSlug: workspace.slug });
    const total = figures.summary.byStatus.reduce((sum, s) => sum + s.count, 0);
    expect(total).toBe(1);
    expect(figures.summary.overdue.count).toBe(1);
    expect(figures.summary.overdue.oldest.map((r) => r.id)).toEqual(sent.recommendations);
    expect(figures.implementation.byAuthority.reduce((sum, a) => sum + a.sent, 0)).toBe(1);
  });

  it("stay out of the exports (CSV and XLSX), and out of the visits export's counts", async () => {
    const c = await caller();
    const csv = (await c.dashboard.exportRecommendations({ tenantSlug: workspace.slug, format: "csv" })).content.toString("utf8");
    expect(csv).toContain("Sent: renovate the premises.");
    expect(csv).not.toContain(DRAFT_TEXT);
    const xlsx = await c.dashboard.exportRecommendations({ tenantSlug: workspace.slug, format: "xlsx" });
    const ExcelJS = (await import("exceljs")).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.content as unknown as ArrayBuffer);
    const cells = workbook.worksheets.flatMap((sheet) => sheet.getSheetValues().flat().map(String));
    expect(cells).toContain("Sent: renovate the premises.");
    expect(cells).not.toContain(DRAFT_TEXT);
    const visits = (await c.dashboard.exportVisits({ tenantSlug: workspace.slug, format: "csv" })).content.toString("utf8");
    const draftRow = visits.split("\n").find((line) => line.includes("Police Station Draft"));
    expect(draftRow?.trim().endsWith(",0")).toBe(true);
  });

  it("get no reminder, although overdue by their date", async () => {
    const run = await sendOverdueReminders({ now: new Date("1995-06-01T08:00:00Z") });
    expect(run.reminders).toBeGreaterThanOrEqual(1);
    const reminded = await withTenant(workspace.id, null, (tx) => tx.recommendationReminder.findMany({ select: { recommendationId: true } }));
    expect(reminded.map((r) => r.recommendationId)).toEqual(sent.recommendations);
    expect(smtp.messages.some((mail) => (mail.text ?? "").includes(DRAFT_TEXT))).toBe(false);
    expect(smtp.messages.some((mail) => (mail.text ?? "").includes("Sent: renovate the premises."))).toBe(true);
  });

  it("are not offered as an earlier recommendation to the next visit's report at the same place", async () => {
    const actor = { tenantId: workspace.id, userId: owner.id, role: "owner" as const, ipAddress: null };
    const next = await createDraftReport(actor, draftPlace.id, "1995-03-01", []);
    const c = await caller();
    expect(await c.reports.similar({ tenantSlug: workspace.slug, visitId: next.visitId, text: DRAFT_TEXT })).toEqual([]);
    // Once its report is sent, the same recommendation is an earlier one, and is offered.
    await withTenant(workspace.id, null, (tx) => tx.report.updateMany({ where: { visitId: draft.visitId }, data: { status: "sent", sentAt: new Date("1995-01-25") } }));
    const offered = await c.reports.similar({ tenantSlug: workspace.slug, visitId: next.visitId, text: DRAFT_TEXT });
    expect(offered.map((r) => r.id)).toEqual(draft.recommendations);
    await withTenant(workspace.id, null, (tx) => tx.report.updateMany({ where: { visitId: draft.visitId }, data: { status: "draft", sentAt: null } }));
  });
});
