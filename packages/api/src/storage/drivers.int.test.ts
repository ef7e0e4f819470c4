import { randomUUID } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertObjectKey, ObjectNotFound, type ObjectStorage } from "./object-storage.ts";
import { localStorage } from "./local.ts";
import { s3Storage } from "./s3.ts";
import { objectStorage, storageHealth } from "./settings.ts";
import { startFakeS3, TEST_BUCKET, type FakeS3 } from "./testing/s3rver.ts";

/** The same contract, run against both drivers: the local folder and S3 (s3rver). */
let fake: FakeS3;
let dataDir: string;
beforeAll(async () => {
  fake = await startFakeS3();
  dataDir = await mkdtemp(path.join(os.tmpdir(), "vigil-storage-"));
  process.env.VIGIL_DATA_DIR = dataDir;
});
afterAll(async () => {
  delete process.env.VIGIL_DATA_DIR;
  await fake.close();
  await rm(dataDir, { recursive: true, force: true });
});

const MB = 1024 * 1024;
async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
/** `count` chunks of 1 MB, each filled with its index; optionally failing after them. */
async function* megabytes(count: number, failWith?: Error) {
  for (let index = 0; index < count; index += 1) yield Buffer.alloc(MB, index);
  if (failWith) throw failWith;
}

const drivers: [string, () => ObjectStorage][] = [
  ["local", () => localStorage],
  ["s3", () => s3Storage({ bucket: TEST_BUCKET, region: "us-east-1", endpoint: fake.url, forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" }, timeouts: { connectMs: 3_000, answerMs: 30_000 } })],
];

describe.each(drivers)("the %s driver", (_name, storageOf) => {
  it("stores a body streamed in parts, lists it under its prefix, streams it back and removes it", async () => {
    const storage = storageOf();
    const tenant = randomUUID();
    const key = `attachments/${tenant}/${randomUUID()}`;
    // 12 MB: more than two of the S3 driver's 5 MB parts, so a multipart upload.
    expect(await storage.put(key, megabytes(12))).toEqual({ sizeBytes: 12 * MB });
    const back = await readAll(await storage.get(key));
    expect(back.byteLength).toBe(12 * MB);
    expect(back[0]).toBe(0);
    expect(back[12 * MB - 1]).toBe(11);
    expect(await storage.list(`attachments/${tenant}/`)).toEqual([{ key, sizeBytes: 12 * MB }]);
    await storage.remove(key);
    await storage.remove(key); // a second removal (a retried job) is not an error
    await expect(storage.get(key)).rejects.toBeInstanceOf(ObjectNotFound);
  });

  it("a body that fails leaves no object, not even half of one, and its own error is the one thrown", async () => {
    const storage = storageOf();
    const tenant = randomUUID();
    const small = `attachments/${tenant}/${randomUUID()}`;
    const large = `attachments/${tenant}/${randomUUID()}`;
    await expect(storage.put(small, megabytes(1, new Error("the upload broke")))).rejects.toThrow("the upload broke");
    // After two full parts were sent: S3 never completes the upload.
    await expect(storage.put(large, megabytes(11, new Error("the upload broke late")))).rejects.toThrow("the upload broke late");
    await expect(storage.get(small)).rejects.toBeInstanceOf(ObjectNotFound);
    await expect(storage.get(large)).rejects.toBeInstanceOf(ObjectNotFound);
    expect(await storage.list(`attachments/${tenant}/`)).toEqual([]);
  });

  it("replaces an object written twice (a retried job) and removes a whole prefix, and nothing of another", async () => {
    const storage = storageOf();
    const [gone, kept] = [randomUUID(), randomUUID()];
    const key = `exports/${gone}/${randomUUID()}.zip`;
    await storage.put(key, [Buffer.from("first")]);
    await storage.put(key, Readable.from([Buffer.from("second")]));
    expect((await readAll(await storage.get(key))).toString()).toBe("second");
    await storage.put(`exports/${gone}/${randomUUID()}.zip`, [Buffer.from("another")]);
    await storage.put(`exports/${kept}/${randomUUID()}.zip`, [Buffer.from("theirs")]);
    expect(await storage.removePrefix(`exports/${gone}/`)).toBe(2);
    expect(await storage.list(`exports/${gone}/`)).toEqual([]);
    expect(await storage.list(`exports/${kept}/`)).toHaveLength(1);
  });

  it("refuses keys that could carry a name or leave the store", async () => {
    const storage = storageOf();
    const tenant = randomUUID();
    for (const key of [`attachments/${tenant}/report.pdf`, `attachments/${tenant}/../${randomUUID()}`, `Attachments/${tenant}/${randomUUID()}`, `attachments/acme/${randomUUID()}`, `/etc/${randomUUID()}`]) {
      await expect(storage.put(key, [Buffer.from("x")]), key).rejects.toThrow("invalid object key");
    }
    await expect(storage.removePrefix("attachments/")).rejects.toThrow("invalid object key prefix");
    expect(assertObjectKey(`site-images/${tenant}/${randomUUID()}.webp`)).toMatch(/^site-images\//);
  });

  it("reports its health", async () => {
    expect(await storageOf().health()).toEqual({ driver: _name, ok: true });
  });
});

describe("the driver chosen by the settings", () => {
  it("is local by default, S3 with STORAGE_DRIVER=s3; an unknown driver or a missing bucket is a clear error", () => {
    expect(objectStorage({}).driver).toBe("local");
    expect(objectStorage(fake.env).driver).toBe("s3");
    expect(() => objectStorage({ STORAGE_DRIVER: "ftp" })).toThrow('STORAGE_DRIVER must be "local" or "s3"');
    expect(() => objectStorage({ STORAGE_DRIVER: "s3" })).toThrow("S3_BUCKET");
    expect(() => objectStorage({ ...fake.env, S3_SECRET_ACCESS_KEY: "" })).toThrow("S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY");
  });

  it("an unreachable store or a missing bucket is unhealthy, within the time allowed", async () => {
    const saved = { ...process.env };
    try {
      Object.assign(process.env, fake.env, { S3_BUCKET: "no-such-bucket" });
      expect(await storageHealth()).toMatchObject({ driver: "s3", ok: false, detail: "bucket answered 404" });
      Object.assign(process.env, { S3_BUCKET: TEST_BUCKET, S3_ENDPOINT: "http://127.0.0.1:9" });
      expect(await storageHealth(2000)).toMatchObject({ driver: "s3", ok: false });
    } finally {
      for (const name of Object.keys(fake.env)) if (saved[name] === undefined) delete process.env[name];
      Object.assign(process.env, saved);
    }
  });

  it("the local driver leaves no partial file of a failed write in the data folder", async () => {
    const tenant = randomUUID();
    await expect(localStorage.put(`attachments/${tenant}/${randomUUID()}`, megabytes(2, new Error("cut")))).rejects.toThrow("cut");
    expect(await readdir(path.join(dataDir, "attachments", tenant))).toEqual([]);
  });
});
