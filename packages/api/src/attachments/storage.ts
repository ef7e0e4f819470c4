import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { objectStorage } from "../storage/settings.ts";
import { PHOTO_TYPES } from "./photo-types.ts";
import { photoThumbnail, stripPhotoMetadata, UnreadablePhoto } from "./photos.ts";
import { SNIFF_BYTES, sniffContentType } from "./sniff.ts";
import { attachmentObjectKey } from "./workspace-files.ts";

const DEFAULT_MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** ATTACHMENTS_MAX_BYTES, or 20 MB. */
export function maxAttachmentBytes(): number {
  const configured = Number(process.env.ATTACHMENTS_MAX_BYTES);
  return Number.isSafeInteger(configured) && configured > 0 ? configured : DEFAULT_MAX_ATTACHMENT_BYTES;
}

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const STORAGE_KEY = new RegExp(`^${UUID}/${UUID}$`);

/** `<tenant id>/<attachment id>`: made from random ids only, so no uploaded name ever reaches the store. */
export function storageKeyFor(tenantId: string, attachmentId: string): string {
  const key = `${tenantId}/${attachmentId}`;
  if (!STORAGE_KEY.test(key)) throw new Error("invalid attachment storage key");
  return key;
}

function objectKeyOf(storageKey: string): string {
  if (!STORAGE_KEY.test(storageKey)) throw new Error("invalid attachment storage key");
  return attachmentObjectKey(storageKey);
}

/** `malformed`: the upload stopped before its end (a truncated or broken request), so nothing was kept. */
export type StoreRefusal = "tooLarge" | "empty" | "unsupportedType" | "malformed" | "unreadablePhoto";
export class StoreRefused extends Error {
  constructor(
    readonly reason: StoreRefusal,
    cause?: unknown,
  ) {
    super(`attachment refused: ${reason}`, { cause });
  }
}

export type StoredFile = { sizeBytes: number; sha256: Buffer; contentType: string };

/**
 * Streams an upload into object storage (storage/): hashed and counted as it passes, its type read
 * from its first bytes, refused as soon as it is too large or of an unknown type. The store keeps an
 * object only when its body ends without error, so a refused or interrupted upload leaves nothing
 * behind, in either driver. A photo is first rewritten without its metadata (photos.ts) in a
 * temporary file of this machine; its size and hash are then those of the file kept.
 */
export async function storeAttachment(content: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, storageKey: string, maxBytes = maxAttachmentBytes()): Promise<StoredFile> {
  const key = objectKeyOf(storageKey);
  const hash = createHash("sha256");
  let size = 0;
  let head = new Uint8Array();
  async function* received() {
    try {
      yield* content;
    } catch (error) {
      // The sender's stream broke (truncated multipart body, aborted request): the client's fault, a 400.
      throw new StoreRefused("malformed", error);
    }
  }
  async function* inspected() {
    for await (const chunk of received()) {
      size += chunk.byteLength;
      if (size > maxBytes) throw new StoreRefused("tooLarge");
      if (head.length < SNIFF_BYTES) head = Uint8Array.from([...head, ...chunk.subarray(0, SNIFF_BYTES - head.length)]);
      // Refuse an unknown type as soon as its signature is complete, without storing the rest.
      if (head.length >= SNIFF_BYTES && !sniffContentType(head)) throw new StoreRefused("unsupportedType");
      hash.update(chunk);
      yield chunk;
    }
    // Thrown before the body ends, so the store never completes the object.
    if (size === 0) throw new StoreRefused("empty");
    if (!sniffContentType(head)) throw new StoreRefused("unsupportedType");
  }

  // Read until the type is known (or the body ends), then decide where the bytes go.
  const chunks = inspected();
  const first: Uint8Array[] = [];
  let ended = false;
  while (head.length < SNIFF_BYTES) {
    const next = await chunks.next();
    if (next.done) {
      ended = true;
      break;
    }
    first.push(next.value);
  }
  const contentType = sniffContentType(head);
  if (!contentType) throw new StoreRefused("unsupportedType");
  async function* body() {
    yield* first;
    if (!ended) yield* chunks;
  }

  if (!PHOTO_TYPES.has(contentType)) {
    await objectStorage().put(key, body(), { contentType });
    return { sizeBytes: size, sha256: hash.digest(), contentType };
  }
  return storePhoto(key, body(), contentType, maxBytes);
}

async function storePhoto(key: string, body: AsyncIterable<Uint8Array>, contentType: string, maxBytes: number): Promise<StoredFile> {
  const staged = path.join(os.tmpdir(), `vigil-photo-${randomUUID()}`);
  try {
    await pipeline(body, createWriteStream(staged, { flags: "wx", mode: 0o600 }));
    await stripPhotoMetadata(staged, contentType).catch((error: unknown) => {
      throw error instanceof UnreadablePhoto ? new StoreRefused("unreadablePhoto", error) : error;
    });
    // Re-encoded without its metadata a photo can come out larger than it arrived (a PNG saved
    // better compressed by a camera): the limit applies to the file kept, not only to the bytes sent.
    if ((await stat(staged)).size > maxBytes) throw new StoreRefused("tooLarge");
    const kept = createHash("sha256");
    let size = 0;
    async function* hashed() {
      for await (const chunk of createReadStream(staged) as AsyncIterable<Buffer>) {
        kept.update(chunk);
        size += chunk.byteLength;
        yield chunk;
      }
    }
    await objectStorage().put(key, hashed(), { contentType });
    return { sizeBytes: size, sha256: kept.digest(), contentType };
  } finally {
    await rm(staged, { force: true });
  }
}

export async function removeAttachmentFile(storageKey: string): Promise<void> {
  await objectStorage().remove(objectKeyOf(storageKey));
}

/** The stored bytes, streamed from whichever store keeps them; the caller has admitted the request. */
export function openAttachmentFile(storageKey: string): Promise<Readable> {
  return objectStorage().get(objectKeyOf(storageKey));
}

/** A stored photo's thumbnail (JPEG); the caller has admitted the request as it would a download. */
export async function attachmentThumbnail(storageKey: string): Promise<Buffer> {
  return photoThumbnail(await openAttachmentFile(storageKey));
}
