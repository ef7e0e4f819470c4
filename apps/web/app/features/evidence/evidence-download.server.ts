import { Readable } from "node:stream";
import { attachmentThumbnail, openAttachmentFile } from "@vigil/api/evidence-files";
import { ObjectNotFound } from "@vigil/api/storage";
import { openAttachmentSchema } from "@vigil/api/inputs";
import { data } from "react-router";
import { contentDisposition } from "../../lib/content-disposition";

type OpenedAttachment = { storageKey: string; contentType: string; sizeBytes: number; fileName: string; view: "download" | "preview" | "thumbnail" };

/** The `?view=` of an evidence URL (a download without one); any other value is a bad request. */
export function requestedView(request: Request) {
  const parsed = openAttachmentSchema.shape.view.safeParse(new URL(request.url).searchParams.get("view") ?? undefined);
  if (!parsed.success) throw data(null, { status: 400 });
  return parsed.data;
}

/**
 * Answers for an evidence file the procedure has already admitted (and, unless a thumbnail, audited):
 * a download, a photo shown in the page (preview), or a photo's thumbnail. Nothing is ever sniffed
 * into something the browser would run (`nosniff` comes with every response, from
 * server/security-headers.ts; the sandbox CSP still lets an image be displayed).
 */
export async function evidenceFileResponse(attachment: OpenedAttachment): Promise<Response> {
  try {
    return await fileResponse(attachment);
  } catch (error) {
    // A row whose bytes are gone (a store restored from an older backup): not found, not a 500.
    if (error instanceof ObjectNotFound) throw data(null, { status: 404 });
    throw error;
  }
}

async function fileResponse(attachment: OpenedAttachment): Promise<Response> {
  const headers = { "Content-Security-Policy": "default-src 'none'; sandbox", "Cache-Control": "private, no-store" };
  if (attachment.view === "thumbnail") {
    const thumbnail = await attachmentThumbnail(attachment.storageKey);
    return new Response(new Uint8Array(thumbnail), { headers: { ...headers, "Content-Type": "image/jpeg", "Content-Length": String(thumbnail.length) } });
  }
  const file = await openAttachmentFile(attachment.storageKey);
  const disposition = contentDisposition(attachment.fileName);
  return new Response(Readable.toWeb(file) as ReadableStream<Uint8Array>, {
    headers: {
      ...headers,
      "Content-Type": attachment.contentType,
      "Content-Length": String(attachment.sizeBytes),
      "Content-Disposition": attachment.view === "preview" ? disposition.replace(/^attachment;/, "inline;") : disposition,
    },
  });
}
