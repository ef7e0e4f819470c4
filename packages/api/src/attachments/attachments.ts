import { randomUUID } from "node:crypto";
import type { TenantTx } from "@vigil/db";
import { afterCommit, afterRollback } from "../core/after-commit.ts";
import { maxAttachmentBytes, removeAttachmentFile, storageKeyFor, storeAttachment, StoreRefused } from "./storage.ts";
import { fail } from "../core/errors.ts";
import { UNSAFE_IN_NAME_GLOBAL } from "../core/names.ts";
import { recordAudit } from "../core/audit.ts";
import { findQuestion, templateContent } from "../templates/content.ts";
import { findEditableVisit } from "./evidence-access.ts";
import type { ATTACHMENT_VIEWS } from "./inputs.ts";
import { PHOTO_TYPES } from "./photo-types.ts";
import type { Actor } from "../core/actor.ts";

export const attachmentSummary = {
  id: true, visitId: true, findingId: true, questionId: true, fileName: true, contentType: true, sizeBytes: true, sha256: true, createdAt: true,
  uploadedBy: { select: { name: true } }, authorTenantId: true,
} as const;

type AttachmentView = (typeof ATTACHMENT_VIEWS)[number];

type AttachmentRow = { sizeBytes: bigint; sha256: Uint8Array } & Record<string, unknown>;

/** Sizes as numbers and hashes as hex, so the summary travels as JSON. */
export function toAttachmentSummary<T extends AttachmentRow>({ sizeBytes, sha256, ...row }: T) {
  return { ...row, sizeBytes: Number(sizeBytes), sha256: Buffer.from(sha256).toString("hex") };
}

/** Keeps a name readable but harmless: no folders, no control, bidi or invisible characters, at most 255 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // A file name is shown to colleagues and in downloads: it is cleaned, not refused, of what names.ts
  // refuses (controls, line breaks, bidi controls that reorder "invoice\u202Efdp.exe", zero-width and
  // other invisible characters), and of '"' which would end the Content-Disposition header's value.
  const cleaned = base.replace(UNSAFE_IN_NAME_GLOBAL, "").replace(/"/g, "").trim().slice(0, 255);
  return cleaned || "evidence";
}

export type Upload = { visitId: string; findingId: string | null; questionId?: string | null; fileName: string; content: AsyncIterable<Uint8Array> };

export async function uploadAttachment(tx: TenantTx, actor: Actor, upload: Upload) {
  await findEditableVisit(tx, upload.visitId);
  if (upload.findingId) {
    const finding = await tx.finding.findFirst({ where: { id: upload.findingId, visitId: upload.visitId }, select: { id: true } });
    if (!finding) fail("NOT_FOUND", "errors.notFound");
  }
  if (upload.questionId) await checkQuestionOfVisit(tx, upload.visitId, upload.questionId);
  return storeAndRecordAttachment(tx, actor, { ...upload, recommendationUpdateId: null });
}

export type AttachmentTarget = Upload & { recommendationUpdateId: string | null };

/**
 * Streams the bytes into storage and records the row, for every kind of attachment (evidence of a
 * visit or a finding, a document of a recommendation's timeline entry). The caller has already
 * checked that the target may receive a file; nothing is read before that.
 */
export async function storeAndRecordAttachment(tx: TenantTx, actor: Actor, upload: AttachmentTarget) {
  const id = randomUUID();
  const storageKey = storageKeyFor(actor.tenantId, id);
  const maxBytes = maxAttachmentBytes();
  let stored;
  try {
    stored = await storeAttachment(upload.content, storageKey, maxBytes);
  } catch (error) {
    if (!(error instanceof StoreRefused)) throw error;
    const megabytes = Math.round((maxBytes / (1024 * 1024)) * 10) / 10;
    fail("BAD_REQUEST", `attachmentErrors.${error.reason}`, { maxMegabytes: megabytes }, "file");
  }
  // Whatever fails from here on, in this service or later in the procedure's transaction (the
  // partner's audit entry, an offline operation's outcome), leaves no object without its row.
  afterRollback(tx, () => removeAttachmentFile(storageKey));
  const attachment = await tx.attachment.create({
    data: {
      tenantId: actor.tenantId, id, visitId: upload.visitId, findingId: upload.findingId, questionId: upload.questionId ?? null, recommendationUpdateId: upload.recommendationUpdateId,
      fileName: cleanFileName(upload.fileName), contentType: stored.contentType, sizeBytes: BigInt(stored.sizeBytes), sha256: new Uint8Array(stored.sha256),
      storageKey, uploadedById: actor.userId,
    },
    select: attachmentSummary,
  });
  await recordAudit(tx, actor, {
    action: "attachment.uploaded", targetType: "attachment", targetId: id,
    details: {
      visitId: upload.visitId, findingId: upload.findingId, questionId: upload.questionId ?? null, recommendationUpdateId: upload.recommendationUpdateId, contentType: stored.contentType,
      sizeBytes: stored.sizeBytes, sha256: stored.sha256.toString("hex"),
    },
  });
  return toAttachmentSummary(attachment);
}

/** Checked before any byte is read: the question must be one of the visit's checklist (its template version). */
async function checkQuestionOfVisit(tx: TenantTx, visitId: string, questionId: string) {
  const visit = await tx.visit.findFirst({ where: { id: visitId }, select: { templateVersion: { select: { content: true } } } });
  const content = visit?.templateVersion ? templateContent.safeParse(visit.templateVersion.content) : null;
  if (!content?.success || !findQuestion(content.data, questionId)) fail("BAD_REQUEST", "checklistErrors.unknownQuestion", {}, "questionId");
}

async function findAttachment(tx: TenantTx, attachmentId: string) {
  const attachment = await tx.attachment.findFirst({ where: { id: attachmentId }, select: { ...attachmentSummary, storageKey: true } });
  if (!attachment) fail("NOT_FOUND", "errors.notFound");
  return attachment;
}

/**
 * What a download needs: the membership check is the procedure's. A download or a preview is recorded;
 * the thumbnails of an evidence list are not, one row per photo per page view (docs/decisions/0196).
 * A preview or thumbnail exists for photos only: asked of a PDF, it is not found.
 */
export async function openAttachment(tx: TenantTx, actor: Actor, attachmentId: string, view: AttachmentView = "download") {
  const attachment = await findAttachment(tx, attachmentId);
  if (view !== "download" && !PHOTO_TYPES.has(attachment.contentType)) fail("NOT_FOUND", "errors.notFound");
  if (view !== "thumbnail") {
    await recordAudit(tx, actor, {
      action: "attachment.downloaded", targetType: "attachment", targetId: attachmentId,
      details: view === "preview" ? { visitId: attachment.visitId, view } : { visitId: attachment.visitId },
    });
  }
  return { ...toAttachmentSummary(attachment), view };
}

export async function deleteAttachment(tx: TenantTx, actor: Actor, attachmentId: string) {
  const attachment = await findAttachment(tx, attachmentId);
  await findEditableVisit(tx, attachment.visitId);
  await tx.attachment.delete({ where: { tenantId_id: { tenantId: actor.tenantId, id: attachmentId } } });
  await recordAudit(tx, actor, {
    action: "attachment.deleted", targetType: "attachment", targetId: attachmentId,
    details: { visitId: attachment.visitId, fileName: attachment.fileName, sha256: Buffer.from(attachment.sha256).toString("hex") },
  });
  // The bytes go once the row's deletion is committed: a rollback keeps both (decision 0252); a
  // failed removal leaves an orphan file, never a row without its file.
  afterCommit(tx, () => removeAttachmentFile(attachment.storageKey));
  return { id: attachmentId };
}
