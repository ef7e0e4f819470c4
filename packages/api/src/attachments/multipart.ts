import { Readable } from "node:stream";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import busboy from "busboy";

export type UploadedFile = { fileName: string; declaredType: string; content: Readable };
export type UploadForm = { fields: Record<string, string>; file: UploadedFile | null };

export class MultipartError extends Error {}

/**
 * Streams a multipart/form-data request with busboy: the text fields that come before the file are
 * collected, and the file is handed to `receive` as a stream while it is still arriving, so no upload
 * is ever held in memory (or on disk) in full before its limits and type are checked. busboy cuts
 * the file one byte past `maxBytes`, so `receive` can tell an upload that was too large.
 */
export async function receiveMultipart<T>(request: Request, maxBytes: number, receive: (form: UploadForm) => Promise<T>): Promise<T> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!request.body || !contentType.toLowerCase().startsWith("multipart/form-data")) throw new MultipartError("not a multipart request");
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: { "content-type": contentType }, limits: { fileSize: maxBytes + 1, files: 1, fields: 20, fieldSize: 10_000, parts: 25 } });
  } catch {
    throw new MultipartError("malformed multipart request");
  }
  const fields: Record<string, string> = {};
  return new Promise<T>((resolve, reject) => {
    let handled = false;
    const handle = (file: UploadedFile | null) => {
      if (handled) return;
      handled = true;
      receive({ fields, file }).then(resolve, reject).finally(() => file?.content.resume());
    };
    parser.on("field", (name, value) => {
      fields[name] = value;
    });
    parser.on("file", (_name, stream, info) => {
      if (handled) return void stream.resume();
      handle({ fileName: info.filename ?? "", declaredType: info.mimeType, content: stream });
    });
    parser.on("close", () => handle(null));
    parser.on("error", (error) => (handled ? undefined : reject(new MultipartError(String(error)))));
    Readable.fromWeb(request.body as NodeWebStream<Uint8Array>).on("error", (error) => parser.destroy(error)).pipe(parser);
  });
}
