import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { isServiceUnavailable } from "../core/database-outage.ts";
import { isStorageUnavailable, StorageUnavailable } from "./object-storage.ts";
import { s3Storage } from "./s3.ts";
import { startStalledStore } from "./testing/stalled-store.ts";

// Decision 0251: a store that accepts connections and never answers ends each call with
// StorageUnavailable (a 503 for the request) instead of holding it forever.
let stalled: Awaited<ReturnType<typeof startStalledStore>>;
beforeAll(async () => {
  stalled = await startStalledStore();
});
afterAll(() => stalled.close());

const storage = () =>
  s3Storage({
    bucket: "vigil",
    region: "us-east-1",
    endpoint: stalled.url,
    forcePathStyle: true,
    credentials: { accessKeyId: "id", secretAccessKey: "secret" },
    timeouts: { connectMs: 200, answerMs: 300 },
  });
const key = () => `attachments/${randomUUID()}/${randomUUID()}`;

describe("an S3 store that never answers", () => {
  it("ends a download with StorageUnavailable", async () => {
    await expect(storage().get(key())).rejects.toBeInstanceOf(StorageUnavailable);
  });

  it("ends an upload with StorageUnavailable", async () => {
    await expect(storage().put(key(), [Buffer.from("evidence")])).rejects.toBeInstanceOf(StorageUnavailable);
  });

  it("ends a removal and a listing with StorageUnavailable", async () => {
    await expect(storage().remove(key())).rejects.toBeInstanceOf(StorageUnavailable);
    await expect(storage().list(`attachments/${randomUUID()}/`)).rejects.toBeInstanceOf(StorageUnavailable);
  });

  it("reports itself unhealthy", async () => {
    expect(await storage().health()).toMatchObject({ driver: "s3", ok: false });
  });

  it("counts as the service being unavailable however it is wrapped (a procedure's error: 503)", async () => {
    const error = await storage().get(key()).catch((caught: unknown) => caught);
    const wrapped = new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: error });
    expect(isStorageUnavailable(wrapped)).toBe(true);
    expect(isServiceUnavailable(wrapped)).toBe(true);
    expect(isServiceUnavailable(new Error("a bug"))).toBe(false);
  });
});
