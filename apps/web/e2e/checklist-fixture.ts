import { readFile } from "node:fs/promises";
import path from "node:path";
import { e2eDataDir } from "../playwright.config";

/**
 * Creates a place, a published "Police custody" template version and an in-progress visit in a
 * workspace, straight in the database (visit planning is another part of the app). Connects as the
 * owner role of the server's embedded PostgreSQL, whose password the server keeps in its data folder.
 */
export async function createVisitWithChecklist(slug: string): Promise<{ visitId: string }> {
  const passwords = JSON.parse(await readFile(path.join(e2eDataDir, "role-passwords.json"), "utf8")) as { ownerPassword: string };
  const port = Number(process.env.E2E_POSTGRES_PORT ?? 54423);
  process.env.DATABASE_OWNER_URL = `postgres://vigil_owner:${encodeURIComponent(passwords.ownerPassword)}@127.0.0.1:${port}/vigil`;
  const { privilegedDb } = await import("@vigil/db/privileged");
  const db = privilegedDb();
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug } });
  const tenantId = tenant.id;
  const place = await db.place.create({ data: { tenantId, name: "Police Department Test", type: "police_custody" } });
  const template = await db.checklistTemplate.create({ data: { tenantId, name: "Police custody", placeTypes: ["police_custody"] } });
  const version = await db.checklistTemplateVersion.create({
    data: { tenantId, templateId: template.id, version: 1, languages: ["en"], publishedAt: new Date(), content: CONTENT },
  });
  const visit = await db.visit.create({
    data: {
      tenantId, placeId: place.id, type: "ad_hoc", nightVisit: true, status: "in_progress",
      plannedStart: new Date("2026-06-12"), plannedEnd: new Date("2026-06-12"), templateVersionId: version.id,
    },
  });
  return { visitId: visit.id };
}

const CONTENT = {
  sections: [
    {
      id: "records",
      title: { en: "Custody records" },
      questions: [
        { id: "register-complete", kind: "yes_no_na", text: { en: "Is the custody register complete?" }, standard: "CPT/Inf(2002)15, §40", guidance: { en: "Compare the register with the persons present." } },
        { id: "register-format", kind: "single_choice", text: { en: "Register format" }, options: [{ id: "paper", label: { en: "Paper" } }, { id: "electronic", label: { en: "Electronic" } }] },
      ],
    },
    {
      id: "conditions",
      title: { en: "Material conditions" },
      questions: [
        { id: "cell-count", kind: "number", text: { en: "Number of cells" } },
        { id: "conditions-notes", kind: "long_text", text: { en: "Describe the conditions" } },
      ],
    },
  ],
};
