import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, type ReadStream } from "node:fs";
import { mkdir, readFile, rename, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { PHOTO_TYPES } from "./photo-types.ts";
import { photoThumbnail, stripPhotoMetadata, UnreadablePhoto } from "./photos.ts";
import { SNIFF_BYTES, sniffContentType } from "./sniff.ts";

const DEFAULT_MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** ATTACHMENTS_MAX_BYTES, or 20 MB. */
export function maxAttachmentBytes(): number {
  const configured = Number(process.env.ATTACHMENTS_MAX_BYTES);
  return Number.isSafeInteger(configured) && configured > 0 ? configured : DEFAULT_MAX_ATTACHMENT_BYTES;
}

/** ATTACHMENTS_DIR, or `attachments` in the data folder. */
function attachmentsDir(): string {
  return path.resolve(process.env.ATTACHMENTS_DIR ?? path.join(process.env.VIGIL_DATA_DIR ?? path.join(os.tmpdir(), "vigil"), "attachments"));
}

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const STORAGE_KEY = new RegExp(`^${UUID}/${UUID}$`);

/** `<tenant id>/<attachment id>`: made from ids only, so no uploaded name ever reaches the file system. */
export function storageKeyFor(tenantId: string, attachmentId: string): string {
  const key = `${tenantId}/${attachmentId}`;
  if (!STORAGE_KEY.test(key)) throw new Error("invalid attachment storage key");
  return key;
}

function pathOf(storageKey: string): string {
  if (!STORAGE_KEY.test(storageKey)) throw new Error("invalid attachment storage key");
  return path.join(attachmentsDir(), storageKey);
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
 * Streams an upload to `<dir>/<storageKey>`: hashed and counted as it is written, its type read from
 * its first bytes. It is written under a temporary name and renamed only when complete and accepted,
 * so a refused or interrupted upload leaves nothing behind. A photo is rewritten without its metadata
 * before it is accepted (photos.ts); its size and hash are then those of the file kept.
 */
export async function storeAttachment(content: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, storageKey: string, maxBytes = maxAttachmentBytes()): Promise<StoredFile> {
  const finalPath = pathOf(storageKey);
  const partialPath = `${finalPath}.partial`;
  await mkdir(path.dirname(finalPath), { recursive: true });
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
      // Refuse an unknown type as soon as its signature is complete, without writing the rest.
      if (head.length >= SNIFF_BYTES && !sniffContentType(head)) throw new StoreRefused("unsupportedType");
      hash.update(chunk);
      yield chunk;
    }
  }
  try {
    await pipeline(inspected, createWriteStream(partialPath, { flags: "wx", mode: 0o600 }));
    if (size === 0) throw new StoreRefused("empty");
    const contentType = sniffContentType(head);
    if (!contentType) throw new StoreRefused("unsupportedType");
    if (!PHOTO_TYPES.has(contentType)) {
      await rename(partialPath, finalPath);
      return { sizeBytes: size, sha256: hash.digest(), contentType };
    }
    await stripPhotoMetadata(partialPath, contentType).catch((error: unknown) => {
      throw error instanceof UnreadablePhoto ? new StoreRefused("unreadablePhoto", error) : error;
    });
    const kept = await readFile(partialPath);
    await rename(partialPath, finalPath);
    return { sizeBytes: kept.byteLength, sha256: createHash("sha256").update(kept).digest(), contentType };
  } catch (error) {
    await rm(partialPath, { force: true });
    throw error;
  }
}

export async function removeAttachmentFile(storageKey: string): Promise<void> {
  await rm(pathOf(storageKey), { force: true });
}

export function openAttachmentFile(storageKey: string): ReadStream {
  return createReadStream(pathOf(storageKey));
}

/** A stored photo's thumbnail (JPEG); the caller has admitted the request as it would a download. */
export function attachmentThumbnail(storageKey: string): Promise<Buffer> {
  return photoThumbnail(pathOf(storageKey));
}
