import { Transform, type Readable } from "node:stream";
import { maxAttachmentBytes } from "@vigil/api/evidence-files";
import type { Request as ExpressRequest, Response as ExpressResponse } from "express";

/** JSON calls (/api/trpc) and ordinary form posts: 1 MB is a thousand times what any of them needs (docs/decisions/0130). */
export const FORM_BODY_LIMIT = 1024 * 1024;
/** Room in an upload for its text fields and multipart boundaries, on top of the file limit. */
const MULTIPART_OVERHEAD = 1024 * 1024;

/**
 * The pages whose actions take an uploaded file (multipart/form-data): evidence on a visit's
 * findings, a partner's evidence on a joint visit, a template import, a recommendation update's
 * document, a public-site post's image, a photo taken offline (sent by the phone's queue when it is
 * back online: a camera photo is several MB). React Router's own form submissions post to the same path with `.data` appended, and
 * it matches paths case-insensitively and with a trailing slash, so these do too. No tRPC
 * procedure takes a file over HTTP (attachments.upload is called on the server only).
 */
const UPLOAD_ROUTES = [
  /^\/t\/[^/]+\/visits\/[^/]+\/findings(?:\.data)?\/?$/i,
  /^\/t\/[^/]+\/visits\/[^/]+\/offline-photo\/?$/i,
  /^\/t\/[^/]+\/joint-visits\/[^/]+(?:\.data)?\/?$/i,
  /^\/t\/[^/]+\/templates(?:\.data)?\/?$/i,
  /^\/t\/[^/]+\/recommendations\/[^/]+(?:\.data)?\/?$/i,
  /^\/t\/[^/]+\/public-site\/posts\/[^/]+(?:\.data)?\/?$/i,
];

function isMultipart(contentType: string | undefined): boolean {
  return (contentType ?? "").trimStart().toLowerCase().startsWith("multipart/form-data");
}

/** True for a path whose action takes an upload. */
function isUploadRoute(pathname: string): boolean {
  return UPLOAD_ROUTES.some((route) => route.test(pathname));
}

/**
 * The most bytes this request's body may have: a multipart post to an upload page gets the
 * attachment limit, everything else 1 MB, multipart included. The path decides, never the
 * Content-Type alone: a stranger choosing multipart must not unlock 20 MB bodies on every route.
 */
export function bodyLimitFor(contentType: string | undefined, pathname: string): number {
  return isMultipart(contentType) && isUploadRoute(pathname) ? maxAttachmentBytes() + MULTIPART_OVERHEAD : FORM_BODY_LIMIT;
}

/** tRPC calls are JSON (or a GET); no procedure takes multipart over HTTP, so such a body is refused unread. */
export function refusedMultipart(contentType: string | undefined, pathname: string): boolean {
  return isMultipart(contentType) && /^\/api\/trpc(?:\/|$)/i.test(pathname);
}

/** The 415 answer to a multipart call to /api/trpc, in tRPC's error shape. The connection closes, so the body is never read. */
export function sendUnsupportedMediaType(res: ExpressResponse): void {
  res.status(415).set("Connection", "close");
  const message = "The API takes JSON, not multipart/form-data.";
  res.json({ error: { message, code: -32600, data: { code: "UNSUPPORTED_MEDIA_TYPE", httpStatus: 415 } } });
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
