import { withTenant } from "@vigil/db";
import { beforeAll, describe, expect, it } from "vitest";
import type { TemplateContent } from "../templates/content.ts";
import { addMember, callerFor, createTestUser, createTestWorkspace, refusalOf, type TestUser } from "../testing/index.ts";

/**
 * The shared methodology library (issue 5 §2): publish, browse with filters, preview, import (a copy
 * that records its source and stays editable), update with a diff taken question by question,
 * translate, unpublish (imports stay), and who can see what, through the API.
 */
const v1: TemplateContent = {
  sections: [
    {
      id: "custody-records",
      title: { en: "Custody records", "sr-Cyrl": "Евиденција о задржавању" },
      questions: [
        { id: "register-complete", kind: "yes_no_na", text: { en: "One complete record per person?", "sr-Cyrl": "Потпуна евиденција за свако лице?" } },
        { id: "rights-told", kind: "yes_no_na", text: { en: "Were rights explained?", "sr-Cyrl": "Да ли су права објашњена?" } },
        { id: "doctor-access", kind: "yes_no_na", text: { en: "Access to a doctor?", "sr-Cyrl": "Приступ лекару?" } },
      ],
    },
  ],
};
// Version 2: one question reworded, one removed, one added.
const v2: TemplateContent = {
  sections: [
    {
      ...v1.sections[0]!,
      questions: [
        { id: "register-complete", kind: "yes_no_na", text: { en: "One complete custody record per person?", "sr-Cyrl": "Потпуна евиденција о задржавању за свако лице?" } },
        { id: "doctor-access", kind: "yes_no_na", text: { en: "Access to a doctor?", "sr-Cyrl": "Приступ лекару?" } },
        { id: "lawyer-access", kind: "yes_no_na", text: { en: "Access to a lawyer from the outset?", "sr-Cyrl": "Приступ адвокату од почетка?" } },
      ],
    },
  ],
};
const settings = { name: "Police custody (Serbia)", placeTypes: ["police_custody" as const], languages: ["en" as const, "sr-Cyrl" as const] };

let serbiaOwner: TestUser;
let ukraineOwner: TestUser;
let ukraineViewer: TestUser;
let outsiderOwner: TestUser;
let serbia: { id: string; slug: string };
let ukraine: { id: string; slug: string };
let outsider: { id: string; slug: string };
const as = async (user: TestUser) => (await callerFor(user)).caller;

/** A template published as version 1 in Serbia's workspace, through the procedures. */
async function publishedTemplate(content: TemplateContent, name = settings.name) {
  const c = await as(serbiaOwner);
  const created = await c.templates.create({ tenantSlug: serbia.slug, ...settings, name });
  const draft = await c.templates.get({ tenantSlug: serbia.slug, templateId: created.id });
  await c.templates.updateDraft({ tenantSlug: serbia.slug, templateId: created.id, settings: { ...settings, name }, content, expectedUpdatedAt: draft.draft!.updatedAt });
  const version = await c.templates.publish({ tenantSlug: serbia.slug, templateId: created.id });
  return { templateId: created.id, versionId: version.id };
}

async function newVersion(templateId: string, content: TemplateContent) {
  const c = await as(serbiaOwner);
  await c.templates.createDraft({ tenantSlug: serbia.slug, templateId });
  const template = await c.templates.get({ tenantSlug: serbia.slug, templateId });
  await c.templates.updateDraft({ tenantSlug: serbia.slug, templateId, settings, content, expectedUpdatedAt: template.draft!.updatedAt });
  return c.templates.publish({ tenantSlug: serbia.slug, templateId });
}

beforeAll(async () => {
  serbiaOwner = await createTestUser("Serbia owner");
  serbia = await createTestWorkspace(serbiaOwner);
  ukraineOwner = await createTestUser("Ukraine owner");
  ukraine = await createTestWorkspace(ukraineOwner);
  ukraineViewer = await createTestUser("Ukraine viewer");
  await addMember(ukraine.id, ukraineViewer, "viewer");
  outsiderOwner = await createTestUser("Outsider owner");
  outsider = await createTestWorkspace(outsiderOwner);
});

describe("the shared methodology library", () => {
  it("publishes a published version (not a draft) and others browse it with filters and preview it", async () => {
    const { templateId, versionId } = await publishedTemplate(v1);
    const serbiaCaller = await as(serbiaOwner);
    const draft = await serbiaCaller.templates.createDraft({ tenantSlug: serbia.slug, templateId });
    expect(await refusalOf(serbiaCaller.library.publish({ tenantSlug: serbia.slug, versionId: draft.id }))).toBe("CONFLICT libraryErrors.notPublished");
    await serbiaCaller.templates.discardDraft({ tenantSlug: serbia.slug, templateId });

    const publication = await serbiaCaller.library.publish({ tenantSlug: serbia.slug, versionId });
    expect(await refusalOf(serbiaCaller.library.publish({ tenantSlug: serbia.slug, versionId }))).toBe("CONFLICT libraryErrors.alreadyPublished");

    const c = await as(ukraineViewer);
    const ids = async (filter: Record<string, string>) => (await c.library.browse({ tenantSlug: ukraine.slug, ...filter })).publications.map((p) => p.id);
    expect(await ids({})).toContain(publication.id);
    expect(await ids({ placeType: "police_custody" })).toContain(publication.id);
    expect(await ids({ placeType: "psychiatric_hospital" })).not.toContain(publication.id);
    expect(await ids({ language: "sr-Cyrl" })).toContain(publication.id);
    expect(await ids({ language: "uk" })).not.toContain(publication.id);
    expect(await ids({ publisherId: serbia.id })).toEqual([publication.id]);
    expect(await ids({ publisherId: outsider.id })).toEqual([]);
    const browse = await c.library.browse({ tenantSlug: ukraine.slug, publisherId: serbia.id });
    expect(browse.publications[0]).toMatchObject({ name: settings.name, version: 1, publisherName: expect.stringMatching(/^Workspace-/) });

    const preview = await c.library.get({ tenantSlug: ukraine.slug, publicationId: publication.id });
    expect(preview.content).toEqual(v1);
    expect(preview.own).toBe(false);
    // The publisher's own template stays out of reach: only the frozen copy crosses.
    expect(await refusalOf(c.templates.get({ tenantSlug: ukraine.slug, templateId }))).toBe("NOT_FOUND errors.notFound");
  });

  it("imports a copy that records its source, stays editable, translates and is refused to viewers", async () => {
    const { versionId } = await publishedTemplate(v1, "Police custody to import");
    const publication = await (await as(serbiaOwner)).library.publish({ tenantSlug: serbia.slug, versionId });
    expect(await refusalOf((await as(ukraineViewer)).library.import({ tenantSlug: ukraine.slug, publicationId: publication.id }))).toBe("FORBIDDEN errors.forbidden");
    expect(await refusalOf((await as(serbiaOwner)).library.import({ tenantSlug: serbia.slug, publicationId: publication.id }))).toBe("CONFLICT libraryErrors.ownPublication");

    const c = await as(ukraineOwner);
    const imported = await c.library.import({ tenantSlug: ukraine.slug, publicationId: publication.id });
    const status = await c.library.importStatus({ tenantSlug: ukraine.slug, templateId: imported.id });
    expect(status).toMatchObject({ publisherTenantId: serbia.id, sourcePublicationId: publication.id, sourceVersion: 1, update: null });
    const template = await c.templates.get({ tenantSlug: ukraine.slug, templateId: imported.id });
    expect(template.name).toBe("Police custody to import");
    const draft = await c.templates.version({ tenantSlug: ukraine.slug, versionId: template.draft!.id });
    expect(draft.content).toEqual(v1);

    // Translating into Ukrainian with the template editor: add the language and fill every text.
    const translated: TemplateContent = {
      sections: v1.sections.map((s) => ({
        ...s, title: { ...s.title, uk: "Облік затриманих" },
        questions: s.questions.map((q) => ({ ...q, text: { ...q.text, uk: `UK: ${q.text.en}` } })),
      })),
    };
    const languages = ["en" as const, "sr-Cyrl" as const, "uk" as const];
    expect(await refusalOf(c.templates.updateDraft({ tenantSlug: ukraine.slug, templateId: imported.id, settings: { ...settings, name: "Поліцейське утримання", languages }, content: v1, expectedUpdatedAt: template.draft!.updatedAt }))).toBe("OK");
    expect(await refusalOf(c.templates.publish({ tenantSlug: ukraine.slug, templateId: imported.id }))).toMatch(/missingTranslation/);
    const again = await c.templates.get({ tenantSlug: ukraine.slug, templateId: imported.id });
    await c.templates.updateDraft({ tenantSlug: ukraine.slug, templateId: imported.id, settings: { ...settings, name: "Поліцейське утримання", languages }, content: translated, expectedUpdatedAt: again.draft!.updatedAt });
    const published = await c.templates.publish({ tenantSlug: ukraine.slug, templateId: imported.id });
    const version = await c.templates.version({ tenantSlug: ukraine.slug, versionId: published.id });
    expect(version.languages).toEqual(languages);
    expect(version.content.sections[0]!.questions[0]!.text.uk).toBe("UK: One complete record per person?");
    // The publisher's copy is untouched.
    expect((await (await as(serbiaOwner)).library.get({ tenantSlug: serbia.slug, publicationId: publication.id })).content).toEqual(v1);
  });

  it("offers a newer version with a diff and takes it over question by question, over the importer's own edits", async () => {
    const { templateId, versionId } = await publishedTemplate(v1, "Police custody with updates");
    const serbiaCaller = await as(serbiaOwner);
    await serbiaCaller.library.publish({ tenantSlug: serbia.slug, versionId });
    const c = await as(ukraineOwner);
    const first = (await c.library.browse({ tenantSlug: ukraine.slug, publisherId: serbia.id })).publications.find((p) => p.templateId === templateId)!;
    const imported = await c.library.import({ tenantSlug: ukraine.slug, publicationId: first.id });

    // The importer edits its own copy: rewords doctor-access and publishes it.
    const mine: TemplateContent = { sections: [{ ...v1.sections[0]!, questions: v1.sections[0]!.questions.map((q) => (q.id === "doctor-access" ? { ...q, text: { en: "Access to a doctor of one's choice?", "sr-Cyrl": "Приступ лекару по избору?" } } : q)) }] };
    const draft = await c.templates.get({ tenantSlug: ukraine.slug, templateId: imported.id });
    await c.templates.updateDraft({ tenantSlug: ukraine.slug, templateId: imported.id, settings, content: mine, expectedUpdatedAt: draft.draft!.updatedAt });
    await c.templates.publish({ tenantSlug: ukraine.slug, templateId: imported.id });

    // Version 2 in Serbia, but not yet in the library: no update.
    const second = await newVersion(templateId, v2);
    expect((await c.library.importStatus({ tenantSlug: ukraine.slug, templateId: imported.id }))!.update).toBeNull();
    const publication2 = await serbiaCaller.library.publish({ tenantSlug: serbia.slug, versionId: second.id });

    const status = (await c.library.importStatus({ tenantSlug: ukraine.slug, templateId: imported.id }))!;
    expect(status.update).toMatchObject({ publicationId: publication2.id, version: 2 });
    const changes = status.update!.changes.map((ch) => [ch.key, ch.kind, ch.editedLocally]);
    expect(changes.sort()).toEqual([
      ["question:lawyer-access", "added", false],
      ["question:register-complete", "changed", false],
      ["question:rights-told", "removed", false],
    ]);
    // doctor-access is unchanged at the source: the importer's edit is not a change offered.

    // Take the reworded and the added question; decline the removal.
    expect(await refusalOf(c.library.takeUpdate({ tenantSlug: ukraine.slug, templateId: imported.id, publicationId: publication2.id, take: ["question:nope"] }))).toMatch(/BAD_REQUEST libraryErrors.unknownChange/);
    const result = await c.library.takeUpdate({ tenantSlug: ukraine.slug, templateId: imported.id, publicationId: publication2.id, take: ["question:register-complete", "question:lawyer-access"] });
    expect(result).toMatchObject({ version: 2, taken: 2 });
    const template = await c.templates.get({ tenantSlug: ukraine.slug, templateId: imported.id });
    expect(result.draftId).toBe(template.draft!.id);
    // The draft was opened as the template editor opens one: audited.
    const opened = await withTenant(ukraine.id, null, (tx) => tx.auditEvent.count({ where: { targetId: imported.id, action: "template.draftCreated" } }));
    expect(opened).toBe(1);
    const merged = (await c.templates.version({ tenantSlug: ukraine.slug, versionId: template.draft!.id })).content;
    const questions = merged.sections[0]!.questions;
    expect(questions.map((q) => q.id)).toEqual(["register-complete", "rights-told", "doctor-access", "lawyer-access"]);
    expect(questions[0]!.text.en).toBe("One complete custody record per person?");
    expect(questions[2]!.text.en).toBe("Access to a doctor of one's choice?");
    // The merge is a new draft: the published version 1 of the import is unchanged.
    expect(template.versions[0]!.version).toBe(1);
    // Up to date now: the declined change is not offered again.
    expect((await c.library.importStatus({ tenantSlug: ukraine.slug, templateId: imported.id }))!).toMatchObject({ sourceVersion: 2, update: null });
    expect(await refusalOf(c.library.takeUpdate({ tenantSlug: ukraine.slug, templateId: imported.id, publicationId: publication2.id, take: [] }))).toBe("CONFLICT libraryErrors.alreadyUpToDate");
  });

  it("marks a change the importer also edited, and taking it replaces their edit", async () => {
    const { templateId, versionId } = await publishedTemplate(v1, "Police custody conflicts");
    const serbiaCaller = await as(serbiaOwner);
    await serbiaCaller.library.publish({ tenantSlug: serbia.slug, versionId });
    const c = await as(ukraineOwner);
    const first = (await c.library.browse({ tenantSlug: ukraine.slug, publisherId: serbia.id })).publications.find((p) => p.templateId === templateId)!;
    const imported = await c.library.import({ tenantSlug: ukraine.slug, publicationId: first.id });
    const mine: TemplateContent = { sections: [{ ...v1.sections[0]!, questions: v1.sections[0]!.questions.map((q) => (q.id === "register-complete" ? { ...q, text: { ...q.text, en: "Our wording" } } : q)) }] };
    const draft = await c.templates.get({ tenantSlug: ukraine.slug, templateId: imported.id });
    await c.templates.updateDraft({ tenantSlug: ukraine.slug, templateId: imported.id, settings, content: mine, expectedUpdatedAt: draft.draft!.updatedAt });
    const second = await newVersion(templateId, v2);
    const publication2 = await serbiaCaller.library.publish({ tenantSlug: serbia.slug, versionId: second.id });
    const status = (await c.library.importStatus({ tenantSlug: ukraine.slug, templateId: imported.id }))!;
    expect(status.update!.changes.find((ch) => ch.key === "question:register-complete")!.editedLocally).toBe(true);
    await c.library.takeUpdate({ tenantSlug: ukraine.slug, templateId: imported.id, publicationId: publication2.id, take: ["question:register-complete", "question:rights-told"] });
    const template = await c.templates.get({ tenantSlug: ukraine.slug, templateId: imported.id });
    const merged = (await c.templates.version({ tenantSlug: ukraine.slug, versionId: template.draft!.id })).content;
    // Their edit was kept elsewhere (the draft is the one they were editing), the taken question replaced it.
    expect(merged.sections[0]!.questions.map((q) => [q.id, q.text.en])).toEqual([
      ["register-complete", "One complete custody record per person?"],
      ["doctor-access", "Access to a doctor?"],
    ]);
  });

  it("unpublishing hides the publication from others and keeps their imports", async () => {
    const { versionId } = await publishedTemplate(v1, "Police custody to unpublish");
    const serbiaCaller = await as(serbiaOwner);
    const publication = await serbiaCaller.library.publish({ tenantSlug: serbia.slug, versionId });
    const c = await as(ukraineOwner);
    const imported = await c.library.import({ tenantSlug: ukraine.slug, publicationId: publication.id });

    // Only the publisher unpublishes, and only a coordinator or above.
    expect(await refusalOf(c.library.unpublish({ tenantSlug: ukraine.slug, publicationId: publication.id }))).toBe("NOT_FOUND errors.notFound");
    await serbiaCaller.library.unpublish({ tenantSlug: serbia.slug, publicationId: publication.id });
    expect((await c.library.browse({ tenantSlug: ukraine.slug })).publications.map((p) => p.id)).not.toContain(publication.id);
    expect(await refusalOf(c.library.get({ tenantSlug: ukraine.slug, publicationId: publication.id }))).toBe("NOT_FOUND errors.notFound");
    expect(await refusalOf(c.library.import({ tenantSlug: ukraine.slug, publicationId: publication.id }))).toBe("NOT_FOUND errors.notFound");
    // The import stays, with its source recorded.
    expect((await c.templates.get({ tenantSlug: ukraine.slug, templateId: imported.id })).name).toBe("Police custody to unpublish");
    expect(await c.library.importStatus({ tenantSlug: ukraine.slug, templateId: imported.id })).toMatchObject({ sourcePublicationId: publication.id, update: null });
    // The publisher still lists it, as unpublished.
    const own = await serbiaCaller.library.own({ tenantSlug: serbia.slug });
    expect(own.find((p) => p.id === publication.id)!.unpublishedAt).not.toBeNull();

    const audit = await withTenant(serbia.id, null, (tx) => tx.auditEvent.findMany({ where: { targetId: publication.id }, select: { action: true } }));
    expect(audit.map((a) => a.action).sort()).toEqual(["library.published", "library.unpublished"]);
    const importAudit = await withTenant(ukraine.id, null, (tx) => tx.auditEvent.findMany({ where: { targetId: imported.id, action: "library.imported" }, select: { details: true } }));
    expect(importAudit).toHaveLength(1);
  });
});

describe("library isolation in the database, with the application's role", () => {
  it("other workspaces read only library-wide, published copies; they cannot write or unpublish them", async () => {
    const { versionId } = await publishedTemplate(v1, "Police custody isolation");
    const publication = await (await as(serbiaOwner)).library.publish({ tenantSlug: serbia.slug, versionId });
    const seen = (tenantId: string) => withTenant(tenantId, null, (tx) => tx.libraryPublication.count({ where: { id: publication.id } }));
    expect(await seen(outsider.id)).toBe(1);
    // Changing the frozen copy is not even granted; unpublishing someone else's touches nothing.
    await expect(withTenant(outsider.id, null, (tx) => tx.$executeRaw`UPDATE library_publications SET name = 'taken' WHERE id = ${publication.id}::uuid`)).rejects.toThrow(/permission denied/);
    expect(await withTenant(outsider.id, null, (tx) => tx.$executeRaw`UPDATE library_publications SET unpublished_at = now() WHERE id = ${publication.id}::uuid`)).toBe(0);
    // Publishing in another workspace's name is refused by the policy.
    await expect(
      withTenant(outsider.id, null, (tx) =>
        tx.$executeRaw`INSERT INTO library_publications (tenant_id, template_id, template_version_id, version, name, languages, content) SELECT tenant_id, template_id, template_version_id, 9, name, languages, content FROM library_publications WHERE id = ${publication.id}::uuid`),
    ).rejects.toThrow(/row-level security/);
    await withTenant(serbia.id, null, (tx) => tx.libraryPublication.update({ where: { tenantId_id: { tenantId: serbia.id, id: publication.id } }, data: { unpublishedAt: new Date() } }));
    expect(await seen(outsider.id)).toBe(0);
    expect(await seen(serbia.id)).toBe(1);
    // Imports are private to the importer.
    const imports = await withTenant(outsider.id, null, (tx) => tx.templateImport.findMany({ select: { tenantId: true } }));
    expect(new Set(imports.map((i) => i.tenantId))).toEqual(new Set(imports.length ? [outsider.id] : []));
  });
});
