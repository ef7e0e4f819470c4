import { withTenant, type VisitStatus } from "@vigil/db";
import type { TemplateContent } from "../templates/content.ts";

/** A small template with one question of every kind, for checklist tests. */
export const TEST_CONTENT: TemplateContent = {
  sections: [
    {
      id: "records",
      title: { en: "Custody records", "sr-Cyrl": "Евиденција о задржавању" },
      questions: [
        { id: "register-complete", kind: "yes_no_na", text: { en: "Is the register complete?", "sr-Cyrl": "Да ли је евиденција потпуна?" }, standard: "CPT/Inf(2002)15, §40", guidance: { en: "Compare with the persons present." } },
        { id: "register-format", kind: "single_choice", text: { en: "Register format" }, options: [{ id: "paper", label: { en: "Paper" } }, { id: "electronic", label: { en: "Electronic" } }] },
        { id: "rights-languages", kind: "multiple_choice", text: { en: "Languages of the rights leaflet" }, options: [{ id: "sr", label: { en: "Serbian" } }, { id: "en", label: { en: "English" } }, { id: "hu", label: { en: "Hungarian" } }] },
      ],
    },
    {
      id: "conditions",
      title: { en: "Material conditions" },
      questions: [
        { id: "cell-count", kind: "number", text: { en: "Number of cells" } },
        { id: "cell-size", kind: "short_text", text: { en: "Cell size" } },
        { id: "conditions-notes", kind: "long_text", text: { en: "Describe the conditions" } },
        { id: "last-renovation", kind: "date", text: { en: "Date of the last renovation" } },
      ],
    },
  ],
};

/** A place, a published template version and a visit, created directly (the planning part owns visit creation). */
export async function createTestVisit(tenantId: string, options: { status?: VisitStatus; content?: TemplateContent; languages?: string[]; placeName?: string; date?: string } = {}) {
  return withTenant(tenantId, null, async (tx) => {
    const place = await tx.place.create({ data: { tenantId, name: options.placeName ?? "Police Station Test", type: "police_custody" } });
    const template = await tx.checklistTemplate.create({ data: { tenantId, name: "Police custody", placeTypes: ["police_custody"] } });
    const version = await tx.checklistTemplateVersion.create({
      data: {
        tenantId, templateId: template.id, version: 1, content: options.content ?? TEST_CONTENT, languages: options.languages ?? ["en", "sr-Cyrl"],
        publishedAt: new Date(),
      },
    });
    return tx.visit.create({
      data: {
        tenantId, placeId: place.id, type: "ad_hoc", nightVisit: true, plannedStart: new Date(options.date ?? "2026-06-12"), plannedEnd: new Date(options.date ?? "2026-06-12"),
        templateVersionId: version.id, status: options.status ?? "in_progress",
      },
      select: { id: true },
    });
  });
}

export async function setVisitStatus(tenantId: string, visitId: string, status: VisitStatus) {
  await withTenant(tenantId, null, (tx) => tx.visit.update({ where: { tenantId_id: { tenantId, id: visitId } }, data: { status } }));
}
