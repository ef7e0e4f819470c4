import type { Readable } from "node:stream";

/**
 * Where Vigil keeps files (evidence, workspace exports, public-site images): one interface, two
 * drivers, chosen by STORAGE_DRIVER (docs/decisions/0220). Every body is streamed in both directions,
 * never held whole in memory; an object exists only once it is complete.
 */
export type ObjectStorage = {
  readonly driver: StorageDriverName;
  /**
   * Streams `body` to `key`. The object appears only when the body has ended without error: a body
   * that throws (a refused or broken upload) leaves nothing at `key` and its error is the one thrown.
   */
  put(key: string, body: ObjectBody, options?: { contentType?: string }): Promise<{ sizeBytes: number }>;
  /** The object's bytes as a stream; ObjectNotFound if there is none. */
  get(key: string): Promise<Readable>;
  /** Removes one object; removing one that is not there is not an error (jobs run at least once). */
  remove(key: string): Promise<void>;
  /** Removes every object under a prefix (a purged workspace); returns how many it removed. */
  removePrefix(prefix: string): Promise<number>;
  /** The objects under a prefix, in key order. */
  list(prefix: string): Promise<StoredObject[]>;
  /** Whether the store answers (the bucket exists and is reachable, or the folder is writable). */
  health(): Promise<StorageHealth>;
};

/** A stream, or chunks (sync or async): the body of an object being stored. */
export type ObjectBody = Readable | AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
type StorageDriverName = "local" | "s3";
export type StoredObject = { key: string; sizeBytes: number };
export type StorageHealth = { driver: StorageDriverName; ok: boolean; detail?: string };

export class ObjectNotFound extends Error {
  constructor(key: string) {
    super(`no stored object at ${key}`);
  }
}

// The store did not answer (decision 0251): shared with core/, which answers such requests 503.
export { isStorageUnavailable, StorageUnavailable } from "../core/storage-outage.ts";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
/** A namespace, then one to three random ids, then an optional extension: nothing a person named. */
const OBJECT_KEY = new RegExp(`^[a-z][a-z-]*(/${UUID}){1,3}(\\.[a-z0-9]{1,8})?$`);
const OBJECT_PREFIX = new RegExp(`^[a-z][a-z-]*(/${UUID}){1,3}/$`);

/**
 * Keys are made of a namespace and random ids only (`attachments/<tenant id>/<attachment id>`), so
 * no uploaded name, slug or counter ever reaches the store: checked on every call of every driver.
 */
export function assertObjectKey(key: string): string {
  if (!OBJECT_KEY.test(key)) throw new Error("invalid object key");
  return key;
}

export function assertObjectPrefix(prefix: string): string {
  if (!OBJECT_PREFIX.test(prefix)) throw new Error("invalid object key prefix");
  return prefix;
}

/** Yields a body's chunks, counting them into `counter.bytes`. */
export async function* counted(body: ObjectBody, counter: { bytes: number }): AsyncGenerator<Uint8Array> {
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    counter.bytes += bytes.byteLength;
    yield bytes;
  }
}
