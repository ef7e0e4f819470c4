import { Readable } from "node:stream";
import { openAttachmentFile } from "@vigil/api/evidence-files";
import { loaderError, serverApi } from "../lib/api.server";
import type { Route } from "./+types/attachment-download";

/** `filename=` for old clients (ASCII only), `filename*=` with the real name for the rest (RFC 6266). */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Evidence downloads: membership is checked (and the download audited) by the `attachments.open`
 * procedure; the file is then streamed, always as a download and never sniffed into something the
 * browser would render or run (`nosniff` comes with every response, from server/security-headers.ts).
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const api = await serverApi(request, context);
  let attachment;
  try {
    attachment = await api.caller.attachments.open({ tenantSlug: params.slug, attachmentId: params.attachmentId });
  } catch (error) {
    loaderError(error, request);
  }
  const file = openAttachmentFile(attachment.storageKey);
  return new Response(Readable.toWeb(file) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": attachment.contentType,
      "Content-Length": String(attachment.sizeBytes),
      "Content-Disposition": contentDisposition(attachment.fileName),
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store",
    },
  });
}
