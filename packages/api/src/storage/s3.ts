import { Readable } from "node:stream";
import { DeleteObjectCommand, DeleteObjectsCommand, GetObjectCommand, HeadBucketCommand, ListObjectsV2Command, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { assertObjectKey, assertObjectPrefix, counted, ObjectNotFound, StorageUnavailable, type ObjectStorage, type StoredObject } from "./object-storage.ts";

export type S3Settings = {
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** How long to wait for a connection, and for an answer (or the next bytes of one) once connected. */
  timeouts: { connectMs: number; answerMs: number };
};

/** Parts of a multipart upload: at most PART_SIZE × QUEUE_SIZE of a body is in memory at once, whatever its size. */
const PART_SIZE = 5 * 1024 * 1024;
const QUEUE_SIZE = 2;

function isMissing(error: unknown): boolean {
  return error instanceof S3ServiceException && (error.name === "NoSuchKey" || error.$metadata.httpStatusCode === 404);
}

/**
 * A store that did not answer (timeout, refused, reset, aborted) rather than one that answered with
 * an S3 error: StorageUnavailable, so requests get 503 (decision 0251).
 */
function unavailableOr(error: unknown): unknown {
  if (error instanceof S3ServiceException) return error;
  return error instanceof Error ? new StorageUnavailable(error) : error;
}

/**
 * Any S3-compatible store (AWS S3, MinIO, Ceph, Garage, s3rver in tests) through @aws-sdk/client-s3.
 * Uploads stream through @aws-sdk/lib-storage's multipart upload, which S3 completes only at the end:
 * a body that fails leaves no object (the parts are aborted; a bucket rule should also expire
 * incomplete uploads, infra/README.md). Downloads stream the response body through.
 */
export function s3Storage(settings: S3Settings): ObjectStorage {
  // The SDK warns once per process that its 2027 releases will need Node 22; Vigil pins a release that runs on 20.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const client = new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    credentials: settings.credentials,
    // Checksums only where S3 requires them: many S3-compatible stores refuse the newer default trailers.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    // Without timeouts a store that accepts connections and never answers holds every request that
    // touches a file forever (decision 0251). The answer timeout ends when the headers arrive; after
    // that the socket timeout ends a body that stops flowing.
    requestHandler: new NodeHttpHandler({
      connectionTimeout: settings.timeouts.connectMs,
      requestTimeout: settings.timeouts.answerMs,
      throwOnRequestTimeout: true,
      socketTimeout: settings.timeouts.answerMs,
    }),
  });
  const Bucket = settings.bucket;

  async function list(prefix: string): Promise<StoredObject[]> {
    const objects: StoredObject[] = [];
    let ContinuationToken: string | undefined;
    do {
      const page = await client
        .send(new ListObjectsV2Command({ Bucket, Prefix: assertObjectPrefix(prefix), ContinuationToken }))
        .catch((error: unknown) => {
          throw unavailableOr(error);
        });
      for (const object of page.Contents ?? []) if (object.Key) objects.push({ key: object.Key, sizeBytes: object.Size ?? 0 });
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
    return objects.sort((a, b) => a.key.localeCompare(b.key));
  }

  return {
    driver: "s3",
    async put(key, body, options) {
      const counter = { bytes: 0 };
      // The body's own error (a refused upload) is the one to report, not the aborted upload's.
      let bodyError: unknown;
      async function* source() {
        try {
          yield* counted(body, counter);
        } catch (error) {
          bodyError = error;
          throw error;
        }
      }
      const upload = new Upload({
        client,
        params: { Bucket, Key: assertObjectKey(key), Body: Readable.from(source()), ContentType: options?.contentType ?? "application/octet-stream" },
        partSize: PART_SIZE,
        queueSize: QUEUE_SIZE,
      });
      try {
        await upload.done();
      } catch (error) {
        throw bodyError ?? unavailableOr(error);
      }
      if (bodyError) throw bodyError;
      return { sizeBytes: counter.bytes };
    },
    async get(key) {
      // One deadline for the answer's headers across the SDK's retries; the body then streams
      // under the socket timeout alone (an abort after the headers would cut a long download).
      const answered = new AbortController();
      const deadline = setTimeout(() => answered.abort(), settings.timeouts.connectMs + settings.timeouts.answerMs);
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: assertObjectKey(key) }), { abortSignal: answered.signal });
        if (!(object.Body instanceof Readable)) throw new Error("the S3 client returned no stream");
        return object.Body;
      } catch (error) {
        if (isMissing(error)) throw new ObjectNotFound(key);
        throw unavailableOr(error);
      } finally {
        clearTimeout(deadline);
      }
    },
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: assertObjectKey(key) })).catch((error: unknown) => {
        throw unavailableOr(error);
      });
    },
    async removePrefix(prefix) {
      const objects = await list(prefix);
      for (let start = 0; start < objects.length; start += 1000) {
        const batch = objects.slice(start, start + 1000);
        await client.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: batch.map(({ key }) => ({ Key: key })), Quiet: true } }));
      }
      return objects.length;
    },
    list,
    async health() {
      try {
        await client.send(new HeadBucketCommand({ Bucket }));
        return { driver: "s3", ok: true };
      } catch (error) {
        const status = error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
        return { driver: "s3", ok: false, detail: status ? `bucket answered ${status}` : "unreachable" };
      }
    },
  };
}
