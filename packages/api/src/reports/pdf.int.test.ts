import { withTenant } from "@vigil/db";
import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { reportFileName } from "./document.ts";
import { renderReportPdf } from "./pdf.ts";
import { addMember, callerFor, createTestUser, createTestWorkspace, type TestUser } from "../testing/index.ts";

/** The text a reader (or a search engine) gets out of the PDF, all pages joined. */
async function pdfText(pdf: Buffer): Promise<string> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(document, { mergePages: true });
  return text.replace(/\s+/g, " ");
}

const PLACE = "Полицијска управа Крушевац";
const PSEUDONYM = "Соко-17";
const LEAD = "Руководилац тима";
const NOTES = "Ударали су ме палицом у подруму станице, рекао је тихо.";

let coordinator: TestUser, monitor: TestUser;
let workspace: { id: string; slug: string; name: string };
let visitId: string;

/** A night visit in Kruševac with a Serbian report, a finding and two confidential interviews. */
beforeAll(async () => {
  const owner = await createTestUser("Јелена Петровић");
  [coordinator, monitor] = await Promise.all([createTestUser("Ана Николић"), createTestUser("Марко Јовановић")]);
  workspace = await createTestWorkspace(owner);
  await addMember(workspace.id, coordinator, "coordinator");
  await addMember(workspace.id, monitor, "monitor");
  const ids = await withTenant(workspace.id, null, async (tx) => {
    const tenantId = workspace.id;
    const ministry = await tx.authority.create({ data: { tenantId, kind: "ministry", name: "Министарство унутрашњих послова" } });
    const department = await tx.authority.create({ data: { tenantId, kind: "institution", name: PLACE, parentId: ministry.id } });
    const place = await tx.place.create({ data: { tenantId, name: PLACE, type: "police_custody", authorityId: department.id } });
    const visit = await tx.visit.create({
      data: { tenantId, placeId: place.id, type: "ad_hoc", nightVisit: true, plannedStart: new Date("2014-06-12"), plannedEnd: new Date("2014-06-13"), status: "report_drafting" },
    });
    await tx.visitTeamMember.create({ data: { tenantId, visitId: visit.id, userId: monitor.id, visitRole: "lead" } });
    await tx.visitTeamMember.create({ data: { tenantId, visitId: visit.id, externalName: "др Драган Илић", externalExpertise: "судска медицина", visitRole: "doctor" } });
    await tx.finding.create({ data: { tenantId, visitId: visit.id, theme: "Материјални услови", text: "Просторије за задржавање немају дневно светло.", severity: "high" } });
    return { visit: visit.id, ministry: ministry.id, department: department.id };
  });
  visitId = ids.visit;
  const { caller } = await callerFor(monitor);
  for (const pseudonym of [PSEUDONYM, "Бреза-4"]) {
    await caller.interviews.create({
      tenantSlug: workspace.slug, visitId, pseudonym, category: "detainee", consentGiven: true,
      allegations: ["during_questioning", "by_staff"], reprisalRisk: true, followUpDue: "2014-07-01", notes: `${NOTES} (${pseudonym})`,
    });
  }
  await caller.reports.saveDraft({ tenantSlug: workspace.slug, visitId, language: "sr-Cyrl", summary: "Ноћна посета полицијској управи.", expectedUpdatedAt: null });
  await caller.reports.addRecommendation({ tenantSlug: workspace.slug, visitId, text: "Реновирати просторије за задржавање у складу са стандардима.", authorityIds: [ids.department, ids.ministry], themeTags: ["материјални услови"], priority: "high" });
  await caller.reports.addRecommendation({ tenantSlug: workspace.slug, visitId, text: "Уредно водити евиденцију о задржаним лицима.", authorityIds: [ids.department], themeTags: [], priority: "medium" });
});

describe("report PDF", () => {
  it("is a PDF in Serbian Cyrillic with the place, team, findings and numbered recommendations by addressee, and no interview content", async () => {
    const { caller } = await callerFor(coordinator);
    await caller.reports.send({ tenantSlug: workspace.slug, visitId, sentOn: "2014-06-20" });
    const document = await caller.reports.document({ tenantSlug: workspace.slug, visitId });
    const pdf = await renderReportPdf(document);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = await pdfText(pdf);

    expect(text).toContain(`Извештај о посети: ${PLACE}`);
    expect(text).toContain(workspace.name);
    expect(text).toContain(`Марко Јовановић — ${LEAD}`);
    expect(text).toContain("др Драган Илић");
    expect(text).toContain("Материјални услови");
    expect(text).toContain("Упућено: Министарство унутрашњих послова");
    expect(text).toContain(`Упућено: ${PLACE}`);
    expect(text).toContain("1. Реновирати просторије за задржавање у складу са стандардима.");
    expect(text).toContain("2. Уредно водити евиденцију о задржаним лицима.");
    expect(text).toMatch(/рок за одговор 19\. августа 2014/);

    // Nothing from the interviews: no pseudonym, no notes, no allegation.
    for (const secret of [PSEUDONYM, "Бреза-4", "палицом", "подруму", "questioning", "саслушањ"]) expect(text).not.toContain(secret);
    expect(JSON.stringify(document)).not.toMatch(/Соко-17|Бреза-4|pseudonym|allegation|notes/i);
  });

  it("names the file after the place, the visit day and the language", async () => {
    const { caller } = await callerFor(monitor);
    const document = await caller.reports.document({ tenantSlug: workspace.slug, visitId });
    expect(reportFileName(document)).toBe("report-Полицијска-управа-Крушевац-2014-06-12-sr-Cyrl.pdf");
  });
});
