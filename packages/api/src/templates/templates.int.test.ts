import { readFile } from "node:fs/promises";
import type { TRPCError } from "@trpc/server";
import { withTenant } from "@vigil/db";
import { beforeAll, describe, expect, it } from "vitest";
import type { TemplateContent } from "./content.ts";
import { addMember, callerFor, createTestUser, createTestWorkspace, refusalOf, type TestUser, unique } from "../testing/index.ts";

const content: TemplateContent = {
  sections: [
    {
      id: "custody-records",
      title: { en: "Custody records", "sr-Cyrl": "Евиденција о задржавању" },
      questions: [
        { id: "register-complete", kind: "yes_no_na", text: { en: "One complete record per person?", "sr-Cyrl": "Потпуна евиденција за свако лице?" }, standard: "CPT standards, police custody, §40" },
      ],
    },
  ],
};
const settings = { name: "Police custody", placeTypes: ["police_custody" as const], languages: ["en" as const, "sr-Cyrl" as const] };

let owner: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let workspace: { id: string; slug: string };
let otherWorkspace: { id: string; slug: string };
const as = async (user: TestUser) => (await callerFor(user)).caller;

beforeAll(async () => {
  owner = await createTestUser();
  workspace = await createTestWorkspace(owner);
  viewer = await createTestUser();
  await addMember(workspace.id, viewer, "viewer");
  outsider = await createTestUser();
  otherWorkspace = await createTestWorkspace(outsider);
});

async function templateWithDraft(name = unique("Police custody")) {
  const c = await as(owner);
  const created = await c.templates.create({ tenantSlug: workspace.slug, ...settings, name });
  const { draft } = await c.templates.get({ tenantSlug: workspace.slug, templateId: created.id });
  await c.templates.updateDraft({ tenantSlug: workspace.slug, templateId: created.id, settings: { ...settings, name }, content, expectedUpdatedAt: draft!.updatedAt });
  return created;
}

describe("template versions", () => {
  it("publishing freezes the draft as version 1; a new draft from it becomes version 2; version 1 keeps its questions", async () => {
    const c = await as(owner);
    const tenantSlug = workspace.slug;
    const template = await templateWithDraft();
    const v1 = await c.templates.publish({ tenantSlug, templateId: template.id });
    expect(v1.version).toBe(1);
    expect(await refusalOf(c.templates.publish({ tenantSlug, templateId: template.id }))).toBe("CONFLICT templateErrors.noDraft");

    await c.templates.createDraft({ tenantSlug, templateId: template.id });
    expect(await refusalOf(c.templates.createDraft({ tenantSlug, templateId: template.id }))).toBe("CONFLICT templateErrors.draftExists");
    const { draft } = await c.templates.get({ tenantSlug, templateId: template.id });
    const changed = structuredClone(content);
    changed.sections[0]!.questions[0]!.text = { en: "Is the register complete?", "sr-Cyrl": "Да ли је евиденција потпуна?" };
    await c.templates.updateDraft({ tenantSlug, templateId: template.id, settings: { ...settings, name: template.name }, content: changed, expectedUpdatedAt: draft!.updatedAt });
    const v2 = await c.templates.publish({ tenantSlug, templateId: template.id });
    expect(v2.version).toBe(2);

    const first = await c.templates.version({ tenantSlug, versionId: v1.id });
    expect(first.content.sections[0]!.questions[0]!.text.en).toBe("One complete record per person?");
    const shown = await c.templates.get({ tenantSlug, templateId: template.id });
    expect(shown.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(shown.draft).toBeNull();

    const actions = await withTenant(workspace.id, null, (tx) => tx.auditEvent.findMany({ where: { targetId: template.id }, orderBy: { createdAt: "asc" }, select: { action: true } }));
    expect(actions.map((a) => a.action)).toEqual(["template.created", "template.draftSaved", "template.published", "template.draftCreated", "template.draftSaved", "template.published"]);
  });

  it("the database refuses to change or delete a published version, whatever the application does", async () => {
    const template = await templateWithDraft();
    const v1 = await (await as(owner)).templates.publish({ tenantSlug: workspace.slug, templateId: template.id });
    await expect(
      withTenant(workspace.id, null, (tx) => tx.$executeRaw`UPDATE checklist_template_versions SET content = '{"sections":[]}' WHERE id = ${v1.id}::uuid`),
    ).rejects.toThrow(/is published and cannot change/);
    await expect(withTenant(workspace.id, null, (tx) => tx.$executeRaw`DELETE FROM checklist_template_versions WHERE id = ${v1.id}::uuid`)).rejects.toThrow(/is published and cannot change/);
  });

  it("a stale save is refused instead of overwriting another editor's work", async () => {
    const c = await as(owner);
    const created = await c.templates.create({ tenantSlug: workspace.slug, ...settings, name: unique("T") });
    const { draft } = await c.templates.get({ tenantSlug: workspace.slug, templateId: created.id });
    await c.templates.updateDraft({ tenantSlug: workspace.slug, templateId: created.id, settings: { ...settings, name: created.name }, content, expectedUpdatedAt: draft!.updatedAt });
    expect(
      await refusalOf(c.templates.updateDraft({ tenantSlug: workspace.slug, templateId: created.id, settings: { ...settings, name: "Other" }, content: { sections: [] }, expectedUpdatedAt: draft!.updatedAt })),
    ).toBe("CONFLICT templateErrors.draftChanged");
    const { draft: saved } = await c.templates.get({ tenantSlug: workspace.slug, templateId: created.id });
    expect((await c.templates.version({ tenantSlug: workspace.slug, versionId: saved!.id })).content).toEqual(content);
  });

  it("refuses to publish an empty draft or one missing a language it claims", async () => {
    const c = await as(owner);
    const empty = await c.templates.create({ tenantSlug: workspace.slug, ...settings, name: unique("Empty") });
    expect(await refusalOf(c.templates.publish({ tenantSlug: workspace.slug, templateId: empty.id }))).toBe("BAD_REQUEST templateErrors.incomplete");
    const { draft } = await c.templates.get({ tenantSlug: workspace.slug, templateId: empty.id });
    const englishOnly = { sections: [{ id: "s", title: { en: "Facility" }, questions: [] }] };
    await c.templates.updateDraft({ tenantSlug: workspace.slug, templateId: empty.id, settings: { ...settings, name: empty.name }, content: englishOnly, expectedUpdatedAt: draft!.updatedAt });
    expect(await refusalOf(c.templates.publish({ tenantSlug: workspace.slug, templateId: empty.id }))).toBe("BAD_REQUEST templateErrors.missingTranslation");
  });

  it("offers the published versions that apply to a place type, for visit planning", async () => {
    const owner2 = await createTestUser();
    const ws = await createTestWorkspace(owner2);
    const c = await as(owner2);
    const police = await c.templates.create({ tenantSlug: ws.slug, ...settings });
    const { draft } = await c.templates.get({ tenantSlug: ws.slug, templateId: police.id });
    await c.templates.updateDraft({ tenantSlug: ws.slug, templateId: police.id, settings, content, expectedUpdatedAt: draft!.updatedAt });
    const v1 = await c.templates.publish({ tenantSlug: ws.slug, templateId: police.id });
    await c.templates.create({ tenantSlug: ws.slug, name: "Unpublished prison", placeTypes: ["prison"], languages: ["en"] });
    expect((await c.templates.publishedVersionsFor({ tenantSlug: ws.slug, placeType: "police_custody" })).map((v) => [v.name, v.version, v.versionId])).toEqual([["Police custody", 1, v1.id]]);
    expect(await c.templates.publishedVersionsFor({ tenantSlug: ws.slug, placeType: "prison" })).toEqual([]);
    await c.templates.setArchived({ tenantSlug: ws.slug, templateId: police.id, archived: true });
    expect(await c.templates.publishedVersionsFor({ tenantSlug: ws.slug, placeType: "police_custody" })).toEqual([]);
  });

  it("cannot be read, changed or published from another workspace; a viewer cannot edit", async () => {
    const template = await templateWithDraft();
    const { draft } = await (await as(owner)).templates.get({ tenantSlug: workspace.slug, templateId: template.id });
    const c = await as(outsider);
    const tenantSlug = otherWorkspace.slug;
    expect(await refusalOf(c.templates.get({ tenantSlug, templateId: template.id }))).toBe("NOT_FOUND errors.notFound");
    expect(await refusalOf(c.templates.version({ tenantSlug, versionId: draft!.id }))).toBe("NOT_FOUND errors.notFound");
    expect(await refusalOf(c.templates.export({ tenantSlug, versionId: draft!.id }))).toBe("NOT_FOUND errors.notFound");
    expect(await refusalOf(c.templates.updateDraft({ tenantSlug, templateId: template.id, settings, content, expectedUpdatedAt: draft!.updatedAt }))).toBe("NOT_FOUND errors.notFound");
    expect(await refusalOf(c.templates.publish({ tenantSlug, templateId: template.id }))).toBe("NOT_FOUND errors.notFound");
    expect(await refusalOf(c.templates.discardDraft({ tenantSlug, templateId: template.id }))).toBe("NOT_FOUND errors.notFound");
    expect(await refusalOf(c.templates.setArchived({ tenantSlug, templateId: template.id, archived: true }))).toBe("NOT_FOUND errors.notFound");
    expect((await c.templates.list({ tenantSlug })).some((t) => t.id === template.id)).toBe(false);
    expect(await c.templates.publishedVersionsFor({ tenantSlug })).toEqual([]);

    const v = await as(viewer);
    expect((await v.templates.get({ tenantSlug: workspace.slug, templateId: template.id })).id).toBe(template.id);
    expect(await refusalOf(v.templates.publish({ tenantSlug: workspace.slug, templateId: template.id }))).toBe("FORBIDDEN errors.forbidden");
    expect(await refusalOf(v.templates.import({ tenantSlug: workspace.slug, text: "{}" }))).toBe("FORBIDDEN errors.forbidden");
    expect((await (await as(owner)).templates.get({ tenantSlug: workspace.slug, templateId: template.id })).draft).not.toBeNull();
  });
});

describe("template import and export", () => {
  async function templateCount(tenantId: string) {
    return withTenant(tenantId, null, (tx) => tx.checklistTemplate.count());
  }

  it("export then import gives the same template, as a new draft", async () => {
    const c = await as(owner);
    const tenantSlug = workspace.slug;
    const demo = await readFile(new URL("../seed/data/police-custody.template.json", import.meta.url), "utf8");
    const imported = await c.templates.import({ tenantSlug, text: demo });
    const shown = await c.templates.get({ tenantSlug, templateId: imported.id });
    const exported = await c.templates.export({ tenantSlug, versionId: shown.draft!.id });
    expect(exported).toEqual(JSON.parse(demo));

    const again = await c.templates.import({ tenantSlug, text: JSON.stringify(exported) });
    const reexported = await c.templates.export({ tenantSlug, versionId: (await c.templates.get({ tenantSlug, templateId: again.id })).draft!.id });
    expect(reexported).toEqual(exported);
  });

  it.each([
    ["bad JSON, with its line and column", '{\n  "format": "vigil.checklist-template",\n  "name": "X",\n}', "BAD_REQUEST templateErrors.invalidJson", { line: 4, column: 1 }],
    ["another kind of file", '{"hello": "world"}', "BAD_REQUEST templateErrors.notATemplate", {}],
    ["a newer format version", '{"format": "vigil.checklist-template", "formatVersion": 2}', "BAD_REQUEST templateErrors.unsupportedVersion", { version: "2" }],
    ["a missing name", '{"format": "vigil.checklist-template", "formatVersion": 1, "languages": ["en"], "sections": []}', "BAD_REQUEST templateErrors.missingField", { field: "name" }],
    ["an unknown language", '{"format": "vigil.checklist-template", "formatVersion": 1, "name": "X", "languages": ["fr"], "sections": []}', "BAD_REQUEST templateErrors.valueNotAllowed", { field: "languages[0]" }],
    ["a misspelt field", '{"format": "vigil.checklist-template", "formatVersion": 1, "name": "X", "languages": ["en"], "sectons": []}', "BAD_REQUEST templateErrors.unknownField", { field: "sectons" }],
  ])("refuses %s and imports nothing", async (_label, text, expected, params) => {
    const before = await templateCount(workspace.id);
    const { caller } = await callerFor(owner);
    const error = await caller.templates.import({ tenantSlug: workspace.slug, text }).then(() => null, (e: unknown) => e as TRPCError);
    expect(`${error?.code} ${error?.message}`).toBe(expected);
    expect((error?.cause as { params?: object } | undefined)?.params).toMatchObject(params);
    expect(await templateCount(workspace.id)).toBe(before);
  });

  it("names the field of a wrong question kind deep in the file, translated, and imports nothing", async () => {
    const file = JSON.parse(await readFile(new URL("../seed/data/prison.template.json", import.meta.url), "utf8")) as { sections: { questions: { kind: string }[] }[] };
    file.sections[2]!.questions[0]!.kind = "essay";
    const before = await templateCount(workspace.id);
    const { caller, ctx } = await callerFor(owner);
    const error = await caller.templates.import({ tenantSlug: workspace.slug, text: JSON.stringify(file) }).then(() => null, (e: unknown) => e as TRPCError);
    expect(error?.message).toBe("templateErrors.valueNotAllowed");
    expect((error?.cause as unknown as { params: { field: string } }).params.field).toBe("sections[2].questions[0].kind");
    const { describeError } = await import("../core/error-format.ts");
    expect(describeError(error!, ctx.t).message).toContain("sections[2].questions[0].kind");
    expect(await templateCount(workspace.id)).toBe(before);
  });
});
