import { Readable } from "node:stream";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import busboy from "busboy";

type UploadedFile = { fileName: string; declaredType: string; content: Readable };
export type UploadForm = { fields: Record<string, string>; file: UploadedFile | null };

export class MultipartError extends Error {}

/** The content of a form that came without a file: the procedure receiving it refuses it as empty. */
export async function* emptyUpload(): AsyncIterable<Uint8Array> {}

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
    // The first error of the parser, the file stream or the request stream: the upload is broken.
    let broken: MultipartError | undefined;
    const noteBroken = (error: unknown) => {
      broken ??= new MultipartError(error instanceof Error ? error.message : String(error));
    };
    const handle = (file: UploadedFile | null) => {
      if (handled) return;
      handled = true;
      // Called through a promise so that a receiver throwing synchronously rejects instead of throwing in busboy's event.
      new Promise<T>((settle) => settle(receive({ fields, file })))
        .then(resolve, reject)
        .finally(() => file?.content.resume());
    };
    parser.on("field", (name, value) => {
      fields[name] = value;
    });
    parser.on("file", (_name, stream, info) => {
      // busboy destroys a file stream with an error when the body ends before the file does; an
      // error nobody listens to would end the process (issue 12), and `receive` may not read it.
      stream.on("error", noteBroken);
      if (handled) return void stream.resume();
      handle({ fileName: info.filename ?? "", declaredType: info.mimeType, content: stream });
    });
    parser.on("close", () => handle(null));
    // busboy only stops *delivering* parts past its limits and goes on parsing the rest of the body:
    // a body of hundreds of thousands of tiny parts would still hold the event loop. Past a limit the
    // upload is refused (a 400 to the sender) and the rest of the body is not parsed.
    const refuse = (what: string) => () => parser.destroy(new MultipartError(`too many ${what} in a multipart request`));
    parser.on("partsLimit", refuse("parts"));
    parser.on("fieldsLimit", refuse("fields"));
    parser.on("filesLimit", refuse("files"));
    parser.on("error", (error) => {
      noteBroken(error);
      if (handled) return;
      // Nothing was handed over yet: the request is refused, and the 'close' that follows hands nothing over either.
      handled = true;
      reject(broken);
    });
    const body = Readable.fromWeb(request.body as NodeWebStream<Uint8Array>);
    body.on("error", (error) => {
      noteBroken(error);
      parser.destroy(error);
    });
    body.pipe(parser);
  });
}
