import type { PlaceType, TenantTx } from "@vigil/db";
import { templateContent, type TemplateContent } from "./content.ts";
import { missingTranslations } from "./draft-content.ts";
import { fail } from "../core/errors.ts";
import type { Actor } from "../core/actor.ts";
import { recordAudit } from "../core/audit.ts";

export type TemplateSettings = { name: string; placeTypes: PlaceType[]; languages: string[] };

/** Every template with its latest published version and whether a draft is open. */
export async function listTemplates(tx: TenantTx) {
  const templates = await tx.checklistTemplate.findMany({
    select: { id: true, name: true, placeTypes: true, archivedAt: true, updatedAt: true, versions: { select: { id: true, version: true, publishedAt: true, languages: true }, orderBy: { createdAt: "desc" } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return templates.map(({ versions, ...template }) => {
    const published = versions.filter((v) => v.version !== null).sort((a, b) => b.version! - a.version!);
    const draft = versions.find((v) => v.version === null);
    return { ...template, latestVersion: published[0] ?? null, hasDraft: Boolean(draft), languages: (draft ?? published[0])?.languages ?? [] };
  });
}

/** A template with the list of its versions (newest first) and its open draft, if any. */
export async function getTemplate(tx: TenantTx, templateId: string) {
  const template = await tx.checklistTemplate.findFirst({
    where: { id: templateId },
    select: {
      id: true, name: true, placeTypes: true, archivedAt: true, createdAt: true, updatedAt: true,
      versions: { select: { id: true, version: true, languages: true, publishedAt: true, publishedBy: { select: { name: true } }, updatedAt: true }, orderBy: [{ version: { sort: "desc", nulls: "first" } }] },
    },
  });
  if (!template) fail("NOT_FOUND", "errors.notFound");
  const draft = template.versions.find((v) => v.version === null) ?? null;
  return { ...template, versions: template.versions.filter((v) => v.version !== null), draft };
}

/** One version's content (a published one, or the draft). */
export async function getTemplateVersion(tx: TenantTx, versionId: string) {
  const version = await tx.checklistTemplateVersion.findFirst({
    where: { id: versionId },
    select: { id: true, templateId: true, version: true, languages: true, content: true, publishedAt: true, updatedAt: true, template: { select: { id: true, name: true, placeTypes: true } } },
  });
  if (!version) fail("NOT_FOUND", "errors.notFound");
  return { ...version, content: version.content as TemplateContent };
}

/** A new template with an empty draft (or the given content, when imported). */
export async function createTemplate(tx: TenantTx, actor: Actor, settings: TemplateSettings, content: TemplateContent | { sections: [] } = { sections: [] }, source: "editor" | "import" = "editor") {
  const template = await tx.checklistTemplate.create({ data: { tenantId: actor.tenantId, name: settings.name, placeTypes: settings.placeTypes }, select: { id: true, name: true } });
  const draft = await tx.checklistTemplateVersion.create({
    data: { tenantId: actor.tenantId, templateId: template.id, content, languages: settings.languages },
    select: { id: true },
  });
  await recordAudit(tx, actor, {
    action: source === "import" ? "template.imported" : "template.created", targetType: "checklistTemplate", targetId: template.id,
    details: { name: settings.name, sections: content.sections.length },
  });
  return { ...template, draftId: draft.id };
}

async function findDraft(tx: TenantTx, templateId: string) {
  const draft = await tx.checklistTemplateVersion.findFirst({ where: { templateId, version: null }, select: { id: true, content: true, languages: true, updatedAt: true } });
  if (!draft) {
    if (!(await tx.checklistTemplate.findFirst({ where: { id: templateId }, select: { id: true } }))) fail("NOT_FOUND", "errors.notFound");
    fail("CONFLICT", "templateErrors.noDraft");
  }
  return { ...draft, content: draft.content as TemplateContent };
}

/**
 * Saves the draft. `expectedUpdatedAt` is when the editor loaded it: if someone saved in between, the
 * save is refused instead of silently overwriting their work.
 */
export async function updateDraft(tx: TenantTx, actor: Actor, templateId: string, change: { settings: TemplateSettings; content: TemplateContent | { sections: [] }; expectedUpdatedAt: Date }) {
  const draft = await findDraft(tx, templateId);
  const { count } = await tx.checklistTemplateVersion.updateMany({
    where: { id: draft.id, version: null, updatedAt: change.expectedUpdatedAt },
    data: { content: change.content, languages: change.settings.languages, updatedAt: new Date() },
  });
  if (count === 0) fail("CONFLICT", "templateErrors.draftChanged");
  await tx.checklistTemplate.update({
    where: { tenantId_id: { tenantId: actor.tenantId, id: templateId } },
    data: { name: change.settings.name, placeTypes: change.settings.placeTypes, updatedAt: new Date() },
  });
  await recordAudit(tx, actor, { action: "template.draftSaved", targetType: "checklistTemplate", targetId: templateId });
  return tx.checklistTemplateVersion.findFirstOrThrow({ where: { id: draft.id }, select: { id: true, updatedAt: true } });
}

/** Freezes the draft as the next version number; from then on the database refuses any change to it. */
export async function publishDraft(tx: TenantTx, actor: Actor, templateId: string) {
  // One publisher at a time per template, so two cannot both take the same number.
  await tx.$queryRaw`SELECT id FROM checklist_templates WHERE tenant_id = ${actor.tenantId}::uuid AND id = ${templateId}::uuid FOR UPDATE`;
  const draft = await findDraft(tx, templateId);
  const complete = templateContent.safeParse(draft.content);
  if (!complete.success) fail("BAD_REQUEST", "templateErrors.incomplete");
  const missing = missingTranslations(complete.data, draft.languages);
  if (missing.length > 0) fail("BAD_REQUEST", "templateErrors.missingTranslation", { field: missing[0]!, count: missing.length });
  const latest = await tx.checklistTemplateVersion.aggregate({ where: { templateId }, _max: { version: true } });
  const version = (latest._max.version ?? 0) + 1;
  const published = await tx.checklistTemplateVersion.update({
    where: { tenantId_id: { tenantId: actor.tenantId, id: draft.id } },
    data: { version, publishedAt: new Date(), publishedById: actor.userId, updatedAt: new Date() },
    select: { id: true, version: true },
  });
  await recordAudit(tx, actor, { action: "template.published", targetType: "checklistTemplate", targetId: templateId, details: { version, versionId: draft.id } });
  return published;
}

/** A new draft that starts as a copy of the latest published version. */
export async function createDraftFromLatest(tx: TenantTx, actor: Actor, templateId: string) {
  const latest = await tx.checklistTemplateVersion.findFirst({ where: { templateId, version: { not: null } }, orderBy: { version: "desc" }, select: { content: true, languages: true, version: true } });
  // Without a published version the template still has its first draft (discardDraft keeps it).
  if (!latest) {
    if (!(await tx.checklistTemplate.findFirst({ where: { id: templateId }, select: { id: true } }))) fail("NOT_FOUND", "errors.notFound");
    fail("CONFLICT", "templateErrors.draftExists");
  }
  if (await tx.checklistTemplateVersion.findFirst({ where: { templateId, version: null }, select: { id: true } })) fail("CONFLICT", "templateErrors.draftExists");
  const draft = await tx.checklistTemplateVersion.create({ data: { tenantId: actor.tenantId, templateId, content: latest.content ?? { sections: [] }, languages: latest.languages }, select: { id: true } });
  await recordAudit(tx, actor, { action: "template.draftCreated", targetType: "checklistTemplate", targetId: templateId, details: { fromVersion: latest.version } });
  return draft;
}

/** A draft that is no longer wanted (published versions are never deleted: the trigger refuses). */
export async function discardDraft(tx: TenantTx, actor: Actor, templateId: string) {
  const draft = await findDraft(tx, templateId);
  // The first draft is the whole template: archive the template instead.
  if (!(await tx.checklistTemplateVersion.findFirst({ where: { templateId, version: { not: null } }, select: { id: true } }))) fail("CONFLICT", "templateErrors.onlyDraft");
  await tx.checklistTemplateVersion.delete({ where: { tenantId_id: { tenantId: actor.tenantId, id: draft.id } } });
  await recordAudit(tx, actor, { action: "template.draftDiscarded", targetType: "checklistTemplate", targetId: templateId });
}

/**
 * The published versions a visit may use, newest first per template, for templates that apply to
 * the place type (or all, without one). Archived templates are not offered for new visits.
 */
export async function publishedVersionsFor(tx: TenantTx, filter: { placeType?: PlaceType }) {
  const versions = await tx.checklistTemplateVersion.findMany({
    where: { version: { not: null }, template: { archivedAt: null, ...(filter.placeType ? { placeTypes: { has: filter.placeType } } : {}) } },
    select: { id: true, version: true, languages: true, publishedAt: true, template: { select: { id: true, name: true, placeTypes: true } } },
  });
  return versions
    .map((v) => ({ versionId: v.id, version: v.version!, languages: v.languages, publishedAt: v.publishedAt!, templateId: v.template.id, name: v.template.name, placeTypes: v.template.placeTypes }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.templateId.localeCompare(b.templateId) || b.version - a.version);
}

export async function setTemplateArchived(tx: TenantTx, actor: Actor, templateId: string, archived: boolean) {
  const template = await tx.checklistTemplate.findFirst({ where: { id: templateId }, select: { id: true, archivedAt: true } });
  if (!template) fail("NOT_FOUND", "errors.notFound");
  if (Boolean(template.archivedAt) === archived) return { id: templateId, archived };
  await tx.checklistTemplate.update({ where: { tenantId_id: { tenantId: actor.tenantId, id: templateId } }, data: { archivedAt: archived ? new Date() : null, updatedAt: new Date() } });
  await recordAudit(tx, actor, { action: archived ? "template.archived" : "template.unarchived", targetType: "checklistTemplate", targetId: templateId });
  return { id: templateId, archived };
}
