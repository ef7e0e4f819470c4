import { z } from "zod";
import { contentId } from "../templates/content.ts";

/** Zod schemas of the attachments router's inputs; the upload fields are shared by every procedure that takes a file. */

function isByteStream(value: unknown): value is AsyncIterable<Uint8Array> {
  return typeof value === "object" && value !== null && Symbol.asyncIterator in value;
}

/**
 * A file as a stream (the web action hands over the multipart part as it arrives), so a procedure
 * that takes one is only callable on the server: JSON over /api/trpc cannot carry a stream.
 */
export const uploadedFileFields = {
  fileName: z.string().trim().min(1, { error: "attachmentErrors.noFile" }).max(1000),
  content: z.custom<AsyncIterable<Uint8Array>>(isByteStream, { error: "attachmentErrors.noFile" }),
};

export const uploadAttachmentSchema = z.object({
  visitId: z.uuid(),
  findingId: z.uuid().nullable().default(null),
  /** The checklist question a photo documents (attached from the question itself). */
  questionId: contentId.nullable().default(null),
  ...uploadedFileFields,
});


export const attachmentRefSchema = z.object({ attachmentId: z.uuid() });

/**
 * How a file is opened: downloaded, previewed in the page (a photo), or as a photo's thumbnail in an
 * evidence list. Every one is admitted by the same checks; the thumbnails a list shows are not audited
 * one by one, a download or a preview is (docs/decisions/0196).
 */
export const ATTACHMENT_VIEWS = ["download", "preview", "thumbnail"] as const;
export const openAttachmentSchema = attachmentRefSchema.extend({ view: z.enum(ATTACHMENT_VIEWS).default("download") });
