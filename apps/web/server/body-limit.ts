import { Transform, type Readable } from "node:stream";
import { maxAttachmentBytes } from "@vigil/api/evidence-files";
import type { Request as ExpressRequest, Response as ExpressResponse } from "express";

/** JSON calls (/api/trpc) and ordinary form posts: 1 MB is a thousand times what any of them needs (docs/decisions/0130). */
export const FORM_BODY_LIMIT = 1024 * 1024;
/** Room in an upload for its text fields and multipart boundaries, on top of the file limit. */
const MULTIPART_OVERHEAD = 1024 * 1024;

/** The most bytes this request's body may have: uploads (multipart) get the attachment limit, everything else 1 MB. */
export function bodyLimitFor(contentType: string | undefined): number {
  const multipart = (contentType ?? "").toLowerCase().startsWith("multipart/form-data");
  return multipart ? maxAttachmentBytes() + MULTIPART_OVERHEAD : FORM_BODY_LIMIT;
}

/** A body longer than its limit; the request is answered 413 whatever its handler made of the broken stream. */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`request body exceeds ${limit} bytes`);
  }
}

/** True when the declared Content-Length alone is over the limit: answer 413 without reading a byte. */
export function declaredTooLarge(req: ExpressRequest, limit: number): boolean {
  const declared = Number(req.headers["content-length"]);
  return Number.isFinite(declared) && declared > limit;
}

/**
 * The request body, counted while it streams (a chunked body declares no length): past `limit`
 * the stream fails with BodyTooLarge and `req` is no longer read, so nothing beyond the limit is
 * buffered. An aborted request fails the stream too, so no reader waits forever.
 */
export function countedBody(req: ExpressRequest, limit: number, onTooLarge: (error: BodyTooLarge) => void): Readable {
  let received = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      if (received <= limit) return callback(null, chunk);
      const error = new BodyTooLarge(limit);
      onTooLarge(error);
      req.unpipe(counted);
      req.pause();
      callback(error);
    },
  });
  req.on("error", (error) => counted.destroy(error));
  req.on("close", () => {
    if (!req.complete) counted.destroy(new Error("request aborted before its body was complete"));
  });
  return req.pipe(counted);
}

/** The 413 answer: plain words for a page, tRPC's error shape for /api/trpc. The connection closes, so the rest is never read. */
export function sendTooLarge(req: ExpressRequest, res: ExpressResponse, limit: number): void {
  res.status(413).set("Connection", "close");
  const message = `Request body too large (the limit is ${limit} bytes).`;
  if (req.path.startsWith("/api/trpc")) res.json({ error: { message, code: -32600, data: { code: "PAYLOAD_TOO_LARGE", httpStatus: 413 } } });
  else res.type("text/plain").send(message);
}
