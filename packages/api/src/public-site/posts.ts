import { randomUUID } from "node:crypto";
import { isUniqueViolation, type Prisma, type TenantTx } from "@vigil/db";
import { PHOTO_TYPES } from "../attachments/photo-types.ts";
import { maxAttachmentBytes, removeAttachmentFile, storageKeyFor, storeAttachment, StoreRefused } from "../attachments/storage.ts";
import type { Locale } from "@vigil/i18n";
import type { Actor } from "../core/actor.ts";
import { recordAudit } from "../core/audit.ts";
import { fail } from "../core/errors.ts";
import { memberForum } from "../forums/forums.ts";
import type { PublicPostDocument } from "./documents.ts";

/**
 * News posts (issue 17): a draft (publishedAt null), scheduled (publishedAt in the future) or
 * published. Writing and publishing are a coordinator's; every publish and unpublish is audited.
 */
export type PostInput = {
  postId?: string | null;
  slug: string;
  translations: { language: Locale; title: string; body: string }[];
  reportId?: string | null;
  placeId?: string | null;
  forumId?: string | null;
};

const postFields = {
  id: true, slug: true, publishedAt: true, reportId: true, placeId: true, forumId: true, imageContentType: true, updatedAt: true,
  translations: { select: { language: true, title: true, body: true }, orderBy: { language: "asc" } },
} as const;

export type PostState = "draft" | "scheduled" | "published";

function postState(publishedAt: Date | null, now = new Date()): PostState {
  return publishedAt === null ? "draft" : publishedAt > now ? "scheduled" : "published";
}

export async function listPosts(tx: TenantTx) {
  const posts = await tx.publicPost.findMany({ select: postFields, orderBy: [{ updatedAt: "desc" }, { id: "asc" }], take: 500 });
  return posts.map((post) => ({ ...post, state: postState(post.publishedAt) }));
}

async function findPost(tx: TenantTx, postId: string) {
  const post = await tx.publicPost.findFirst({ where: { id: postId }, select: postFields });
  if (!post) fail("NOT_FOUND", "errors.notFound");
  return post;
}

export async function getPost(tx: TenantTx, postId: string) {
  const post = await findPost(tx, postId);
  return { ...post, state: postState(post.publishedAt) };
}

/** The records a post may link to: a sent report, a place, a forum the workspace takes part in. */
async function checkedLinks(tx: TenantTx, input: PostInput) {
  if (input.reportId) {
    const report = await tx.report.findFirst({ where: { id: input.reportId, status: "sent" }, select: { id: true } });
    if (!report) fail("BAD_REQUEST", "publicSiteErrors.reportNotSent", {}, "reportId");
  }
  if (input.placeId) {
    const place = await tx.place.findFirst({ where: { id: input.placeId }, select: { id: true } });
    if (!place) fail("BAD_REQUEST", "validation.invalid", {}, "placeId");
  }
  const forum = input.forumId ? await memberForum(tx, input.forumId) : null;
  return { reportId: input.reportId ?? null, placeId: input.placeId ?? null, forumId: forum?.id ?? null, forumTenantId: forum?.tenantId ?? null };
}

function slugTaken(): never {
  return fail("CONFLICT", "publicSiteErrors.slugTaken", {}, "slug");
}

/**
 * Creates a draft or changes a post (its text, slug and links; publishing is apart). The slug is
 * checked first for a clear answer; two saves racing for the same slug meet the unique index instead,
 * and the loser gets the same answer rather than a 500.
 */
export async function savePost(tx: TenantTx, actor: Actor, input: PostInput) {
  try {
    return await writePost(tx, actor, input);
  } catch (error) {
    if (isUniqueViolation(error)) slugTaken();
    throw error;
  }
}

async function writePost(tx: TenantTx, actor: Actor, input: PostInput) {
  const clash = await tx.publicPost.findFirst({ where: { slug: input.slug, ...(input.postId ? { NOT: { id: input.postId } } : {}) }, select: { id: true } });
  if (clash) slugTaken();
  const links = await checkedLinks(tx, input);
  let postId = input.postId ?? null;
  if (postId) {
    await findPost(tx, postId);
    await tx.publicPost.update({ where: { tenantId_id: { tenantId: actor.tenantId, id: postId } }, data: { slug: input.slug, ...links, updatedAt: new Date() } });
    await tx.publicPostTranslation.deleteMany({ where: { postId, language: { notIn: input.translations.map((t) => t.language) } } });
  } else {
    postId = (await tx.publicPost.create({ data: { tenantId: actor.tenantId, slug: input.slug, ...links }, select: { id: true } })).id;
  }
  for (const t of input.translations) {
    await tx.publicPostTranslation.upsert({
      where: { tenantId_postId_language: { tenantId: actor.tenantId, postId, language: t.language } },
      create: { tenantId: actor.tenantId, postId, language: t.language, title: t.title, body: t.body },
      update: { title: t.title, body: t.body },
    });
  }
  await recordAudit(tx, actor, { action: "publicSite.postSaved", targetType: "publicPost", targetId: postId, details: { slug: input.slug } });
  return getPost(tx, postId);
}

/** Publishes a post now, or schedules it for a later instant. */
export async function publishPost(tx: TenantTx, actor: Actor, postId: string, publishAt?: string | null) {
  const post = await findPost(tx, postId);
  const now = new Date();
  const at = publishAt ? new Date(publishAt) : now;
  const publishedAt = at > now ? at : now;
  await tx.publicPost.update({ where: { tenantId_id: { tenantId: actor.tenantId, id: postId } }, data: { publishedAt, updatedAt: now } });
  await recordAudit(tx, actor, {
    action: publishedAt > now ? "publicSite.postScheduled" : "publicSite.postPublished",
    targetType: "publicPost",
    targetId: postId,
    details: { slug: post.slug, publishedAt: publishedAt.toISOString() },
  });
  return getPost(tx, postId);
}

/** Takes a post off the site (back to a draft) at once. */
export async function unpublishPost(tx: TenantTx, actor: Actor, postId: string) {
  const post = await findPost(tx, postId);
  await tx.publicPost.update({ where: { tenantId_id: { tenantId: actor.tenantId, id: postId } }, data: { publishedAt: null, updatedAt: new Date() } });
  await recordAudit(tx, actor, { action: "publicSite.postUnpublished", targetType: "publicPost", targetId: postId, details: { slug: post.slug } });
  return getPost(tx, postId);
}

/** Deletes a post (and takes it off the site if it was on it). */
export async function deletePost(tx: TenantTx, actor: Actor, postId: string) {
  const post = await findPost(tx, postId);
  const image = await tx.publicPost.findFirst({ where: { id: postId }, select: { imageStorageKey: true } });
  await tx.publicPost.delete({ where: { tenantId_id: { tenantId: actor.tenantId, id: postId } } });
  if (image?.imageStorageKey) await removeAttachmentFile(image.imageStorageKey);
  await recordAudit(tx, actor, { action: "publicSite.postDeleted", targetType: "publicPost", targetId: postId, details: { slug: post.slug } });
  return { deleted: true };
}

/** The post exactly as a visitor would read it, through the same SQL function as the site. */
export async function previewPost(tx: TenantTx, postId: string): Promise<PublicPostDocument> {
  await findPost(tx, postId);
  const [row] = await tx.$queryRaw<{ document: PublicPostDocument | null }[]>`SELECT public_site_post_preview(${postId}::uuid) AS document`;
  if (!row?.document) fail("NOT_FOUND", "errors.notFound");
  return row.document;
}

/** Where a post's image is kept, published or not: for its preview, which only coordinators see. */
export async function previewPostImage(tx: TenantTx, postId: string): Promise<{ storageKey: string; contentType: string }> {
  const post = await tx.publicPost.findFirst({ where: { id: postId }, select: { imageStorageKey: true, imageContentType: true } });
  if (!post?.imageStorageKey || !post.imageContentType) fail("NOT_FOUND", "errors.notFound");
  return { storageKey: post.imageStorageKey, contentType: post.imageContentType };
}

/**
 * Replaces a post's image: stored like evidence (its type read from its bytes, EXIF, GPS and other
 * metadata stripped by the photo pipeline), JPEG or PNG only; the previous file is removed.
 */
export async function setPostImage(tx: TenantTx, actor: Actor, postId: string, upload: { fileName: string; content: AsyncIterable<Uint8Array>; alt: Partial<Record<Locale, string>> }) {
  const post = await findPost(tx, postId);
  // Locked until commit: a second replacement waits here and then reads this one's image as the one
  // it replaces, so neither file is left without a row.
  const [previous] = await tx.$queryRaw<{ imageStorageKey: string | null }[]>`
    SELECT image_storage_key AS "imageStorageKey" FROM public_posts WHERE tenant_id = ${actor.tenantId}::uuid AND id = ${postId}::uuid FOR UPDATE`;
  const storageKey = storageKeyFor(actor.tenantId, randomUUID());
  let stored;
  try {
    stored = await storeAttachment(upload.content, storageKey, maxAttachmentBytes());
  } catch (error) {
    if (!(error instanceof StoreRefused)) throw error;
    fail("BAD_REQUEST", error.reason === "unsupportedType" ? "publicSiteErrors.imageType" : `attachmentErrors.${error.reason}`, { maxMegabytes: Math.round(maxAttachmentBytes() / 104857.6) / 10 }, "file");
  }
  if (!PHOTO_TYPES.has(stored.contentType)) {
    await removeAttachmentFile(storageKey);
    fail("BAD_REQUEST", "publicSiteErrors.imageType", {}, "file");
  }
  try {
    const alt = Object.fromEntries(Object.entries(upload.alt).filter(([, text]) => text)) as Prisma.InputJsonObject;
    await tx.publicPost.update({ where: { tenantId_id: { tenantId: actor.tenantId, id: postId } }, data: { imageStorageKey: storageKey, imageContentType: stored.contentType, imageAlt: alt, updatedAt: new Date() } });
    await recordAudit(tx, actor, { action: "publicSite.postSaved", targetType: "publicPost", targetId: postId, details: { slug: post.slug, image: stored.contentType, sizeBytes: stored.sizeBytes } });
  } catch (error) {
    await removeAttachmentFile(storageKey);
    throw error;
  }
  if (previous?.imageStorageKey) await removeAttachmentFile(previous.imageStorageKey);
  return getPost(tx, postId);
}
