import { Readable } from "node:stream";
import { openAttachmentFile } from "@vigil/api/evidence-files";

/**
 * `filename=` for old clients (ASCII only), `filename*=` with the real name for the rest (RFC 6266).
 * Shared by every download (evidence, report PDF, dashboard exports) so a non-ASCII name — a
 * Cyrillic place or workspace — never breaks the header. The ASCII fallback drops accents first
 * ("Čačak" → "Cacak") and only then replaces what is left.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.normalize("NFKD").replace(/\p{M}/gu, "").replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

type OpenedAttachment = { storageKey: string; contentType: string; sizeBytes: number; fileName: string };

/**
 * Streams an evidence file the procedure has already admitted (and audited): always as a download,
 * never sniffed into something the browser would render or run (`nosniff` comes with every
 * response, from server/security-headers.ts).
 */
export function evidenceFileResponse(attachment: OpenedAttachment): Response {
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
