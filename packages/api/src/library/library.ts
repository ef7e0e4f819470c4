import type { PlaceType, TenantTx } from "@vigil/db";
import type { TemplateContent } from "../templates/content.ts";
import { fail } from "../core/errors.ts";
import { diffTemplates, editedLocally, takeChanges } from "./template-diff.ts";
import type { Actor } from "../core/actor.ts";
import { recordAudit } from "../core/audit.ts";
import { workspaceNames } from "../forums/directory.ts";
import { memberForum } from "../forums/forums.ts";
import { createDraftFromLatest, createTemplate } from "../templates/templates.ts";
import { isSafeName } from "../core/names.ts";

/**
 * The shared methodology library (decision 0110). Publishing copies a published version into
 * `library_publications`; row-level security lets every workspace read library-wide copies and forum
 * members read forum-scoped ones. Importing copies a publication into the importer's own templates.
 */

const summary = { id: true, tenantId: true, templateId: true, version: true, name: true, placeTypes: true, languages: true, forumTenantId: true, forumId: true, publishedAt: true, unpublishedAt: true } as const;

export async function publishToLibrary(tx: TenantTx, actor: Actor, input: { versionId: string; forumId?: string | null }) {
  const version = await tx.checklistTemplateVersion.findFirst({
    where: { id: input.versionId },
    select: { id: true, version: true, languages: true, content: true, templateId: true, template: { select: { name: true, placeTypes: true } } },
  });
  if (!version) fail("NOT_FOUND", "errors.notFound");
  // Only a frozen version can be shared: a draft would change under the importers.
  if (version.version === null) fail("CONFLICT", "libraryErrors.notPublished");
  // Other workspaces read the publication's name: one named before names.ts's rule is renamed first.
  if (!isSafeName(version.template.name)) fail("BAD_REQUEST", "validation.nameCharacters", {}, "name");
  let forumTenantId: string | null = null;
  if (input.forumId) {
    // The insert's policy demands membership too; asking first gives a clear NOT_FOUND.
    forumTenantId = (await memberForum(tx, input.forumId)).tenantId;
  }
  const existing = await tx.libraryPublication.findFirst({
    where: { tenantId: actor.tenantId, templateVersionId: version.id, forumId: input.forumId ?? null, unpublishedAt: null },
    select: { id: true },
  });
  if (existing) fail("CONFLICT", "libraryErrors.alreadyPublished");
  const publication = await tx.libraryPublication.create({
    data: {
      tenantId: actor.tenantId, templateId: version.templateId, templateVersionId: version.id, version: version.version, name: version.template.name,
      placeTypes: version.template.placeTypes, languages: version.languages, content: version.content ?? { sections: [] }, forumTenantId, forumId: input.forumId ?? null,
    },
    select: { id: true },
  });
  await recordAudit(tx, actor, {
    action: "library.published", targetType: "libraryPublication", targetId: publication.id,
    details: { templateId: version.templateId, version: version.version, forumId: input.forumId ?? null },
  });
  return publication;
}

/** Takes a publication out of the library; the copies others imported stay theirs. */
export async function unpublish(tx: TenantTx, actor: Actor, publicationId: string) {
  const { count } = await tx.libraryPublication.updateMany({ where: { id: publicationId, tenantId: actor.tenantId, unpublishedAt: null }, data: { unpublishedAt: new Date() } });
  if (count === 0) fail("NOT_FOUND", "errors.notFound");
  await recordAudit(tx, actor, { action: "library.unpublished", targetType: "libraryPublication", targetId: publicationId });
  return { id: publicationId };
}

/** The workspace's own publications of one template (or all), for the template page. */
export async function ownPublications(tx: TenantTx, actor: Actor, templateId?: string) {
  return tx.libraryPublication.findMany({
    where: { tenantId: actor.tenantId, ...(templateId ? { templateId } : {}) },
    select: { ...summary, forum: { select: { name: true } } },
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
  });
}

export type LibraryFilter = { placeType?: PlaceType; language?: string; publisherId?: string; forumId?: string };

/**
 * What the workspace may import: the latest visible publication of each template, library-wide and
 * from its forums (row-level security decides which), with the publisher's name.
 */
export async function browseLibrary(tx: TenantTx, filter: LibraryFilter) {
  const rows = await tx.libraryPublication.findMany({
    where: {
      unpublishedAt: null,
      ...(filter.placeType ? { placeTypes: { has: filter.placeType } } : {}),
      ...(filter.language ? { languages: { has: filter.language } } : {}),
      ...(filter.publisherId ? { tenantId: filter.publisherId } : {}),
      ...(filter.forumId ? { forumId: filter.forumId } : {}),
    },
    select: { ...summary, forum: { select: { name: true } } },
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
  });
  const names = await workspaceNames(tx);
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const key = `${row.tenantId}:${row.templateId}:${row.forumId ?? ""}`;
    if ((latest.get(key)?.version ?? 0) < row.version) latest.set(key, row);
  }
  const publications = [...latest.values()]
    .map((row) => ({ ...row, publisherName: names.get(row.tenantId)?.name ?? "", forumName: row.forum?.name ?? null }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  // Publishers for the filter, from what the workspace can see without the publisher filter.
  const publishers = filter.publisherId
    ? [{ id: filter.publisherId, name: names.get(filter.publisherId)?.name ?? "" }]
    : [...new Map(publications.map((p) => [p.tenantId, { id: p.tenantId, name: p.publisherName }])).values()].sort((a, b) => a.name.localeCompare(b.name));
  return { publications, publishers };
}

/** A publication with its content, for the preview; the workspace's earlier imports of it are listed. */
export async function getPublication(tx: TenantTx, actor: Actor, publicationId: string) {
  const publication = await tx.libraryPublication.findFirst({ where: { id: publicationId }, select: { ...summary, content: true, forum: { select: { name: true } } } });
  if (!publication || (publication.unpublishedAt && publication.tenantId !== actor.tenantId)) fail("NOT_FOUND", "errors.notFound");
  const names = await workspaceNames(tx);
  const imports = await tx.templateImport.findMany({
    where: { tenantId: actor.tenantId, publisherTenantId: publication.tenantId, sourceTemplateId: publication.templateId },
    select: { templateId: true, sourceVersion: true, template: { select: { name: true } } },
  });
  return {
    ...publication, content: publication.content as TemplateContent, publisherName: names.get(publication.tenantId)?.name ?? "", forumName: publication.forum?.name ?? null,
    own: publication.tenantId === actor.tenantId, imports: imports.map((i) => ({ templateId: i.templateId, name: i.template.name, sourceVersion: i.sourceVersion })),
  };
}

/**
 * A copy of the publication as a new template in the importer's workspace, with a draft to review
 * and translate before use (decision 0041), remembering its source for later updates.
 */
export async function importPublication(tx: TenantTx, actor: Actor, publicationId: string) {
  const publication = await tx.libraryPublication.findFirst({ where: { id: publicationId, unpublishedAt: null }, select: { ...summary, content: true } });
  if (!publication) fail("NOT_FOUND", "errors.notFound");
  if (publication.tenantId === actor.tenantId) fail("CONFLICT", "libraryErrors.ownPublication");
  const content = publication.content as TemplateContent;
  const template = await createTemplate(tx, actor, { name: publication.name, placeTypes: publication.placeTypes, languages: publication.languages }, content, "import");
  const names = await workspaceNames(tx);
  await tx.templateImport.create({
    data: {
      tenantId: actor.tenantId, templateId: template.id, publisherTenantId: publication.tenantId, publisherName: names.get(publication.tenantId)?.name ?? "",
      sourceTemplateId: publication.templateId, sourcePublicationId: publication.id, sourceVersion: publication.version, baseContent: content,
    },
  });
  await recordAudit(tx, actor, {
    action: "library.imported", targetType: "checklistTemplate", targetId: template.id,
    details: { publicationId: publication.id, publisherTenantId: publication.tenantId, version: publication.version },
  });
  return template;
}

/** The importer's working content: the open draft, else the latest published version (one row read, not every version). */
async function workingContent(tx: TenantTx, templateId: string) {
  const select = { id: true, content: true } as const;
  const draft = await tx.checklistTemplateVersion.findFirst({ where: { templateId, version: null }, select });
  const working = draft ?? (await tx.checklistTemplateVersion.findFirst({ where: { templateId, version: { not: null } }, orderBy: { version: "desc" }, select }));
  if (!working) fail("NOT_FOUND", "errors.notFound");
  return { draftId: draft?.id ?? null, content: working.content as TemplateContent };
}

/**
 * For an imported template: where it came from and, when the publisher has published a newer version
 * the workspace can see, the changes since the version last taken, each marked when the importer
 * changed that part themselves.
 */
export async function importStatus(tx: TenantTx, templateId: string) {
  const source = await tx.templateImport.findFirst({ where: { templateId }, select: { publisherTenantId: true, publisherName: true, sourceTemplateId: true, sourcePublicationId: true, sourceVersion: true, baseContent: true, importedAt: true } });
  if (!source) return null;
  const newer = await tx.libraryPublication.findFirst({
    where: { tenantId: source.publisherTenantId, templateId: source.sourceTemplateId, unpublishedAt: null, version: { gt: source.sourceVersion } },
    orderBy: [{ version: "desc" }, { forumId: { sort: "asc", nulls: "first" } }],
    select: { id: true, version: true, content: true, publishedAt: true },
  });
  const { baseContent, ...rest } = source;
  if (!newer) return { ...rest, update: null };
  const base = baseContent as TemplateContent;
  const next = newer.content as TemplateContent;
  const { content: current } = await workingContent(tx, templateId);
  const changes = diffTemplates(base, next).map((change) => ({ ...change, editedLocally: editedLocally(current, base, change) }));
  return { ...rest, update: { publicationId: newer.id, version: newer.version, publishedAt: newer.publishedAt, changes } };
}

/**
 * Takes the chosen changes of the newer version over the importer's copy, into its draft (opened from
 * the latest version when there is none). The changes not taken are declined: the diff's base moves to
 * the newer version, so they are not offered again.
 */
export async function takeUpdate(tx: TenantTx, actor: Actor, input: { templateId: string; publicationId: string; take: string[] }) {
  const source = await tx.templateImport.findFirst({ where: { templateId: input.templateId }, select: { publisherTenantId: true, sourceTemplateId: true, sourceVersion: true, baseContent: true } });
  const newer = await tx.libraryPublication.findFirst({ where: { id: input.publicationId, unpublishedAt: null }, select: { id: true, tenantId: true, templateId: true, version: true, content: true } });
  if (!source || !newer) fail("NOT_FOUND", "errors.notFound");
  if (newer.tenantId !== source.publisherTenantId || newer.templateId !== source.sourceTemplateId) fail("BAD_REQUEST", "libraryErrors.notTheSource");
  if (newer.version <= source.sourceVersion) fail("CONFLICT", "libraryErrors.alreadyUpToDate");
  const next = newer.content as TemplateContent;
  const changes = diffTemplates(source.baseContent as TemplateContent, next);
  const known = new Set(changes.map((c) => c.key));
  const unknown = input.take.find((key) => !known.has(key));
  if (unknown) fail("BAD_REQUEST", "libraryErrors.unknownChange", { key: unknown });
  const working = await workingContent(tx, input.templateId);
  const merged = takeChanges(working.content, next, changes, new Set(input.take));
  // Without an open draft, one is opened from the latest version as the editor would (and audited so).
  const draftId = working.draftId ?? (await createDraftFromLatest(tx, actor, input.templateId)).id;
  await tx.checklistTemplateVersion.update({ where: { tenantId_id: { tenantId: actor.tenantId, id: draftId } }, data: { content: merged, updatedAt: new Date() } });
  await tx.templateImport.update({
    where: { tenantId_templateId: { tenantId: actor.tenantId, templateId: input.templateId } },
    data: { sourcePublicationId: newer.id, sourceVersion: newer.version, baseContent: next, updatedAt: new Date() },
  });
  await recordAudit(tx, actor, {
    action: "library.updateTaken", targetType: "checklistTemplate", targetId: input.templateId,
    details: { publicationId: newer.id, version: newer.version, taken: input.take.length, declined: changes.length - input.take.length },
  });
  return { templateId: input.templateId, draftId, version: newer.version, taken: input.take.length };
}
