import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { TRPCError } from "@trpc/server";
import { withTenant } from "@vigil/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MultipartError, receiveMultipart } from "./multipart.ts";
import { addMember, callerFor, createTestUser, createTestWorkspace, type TestUser } from "../testing/index.ts";
import { createTestVisit } from "../testing/visits.ts";

// Issue 12: a multipart body that stops before its closing boundary made busboy's file stream emit
// an error nobody listened to, and node exited. A broken upload is a 400 that leaves nothing behind.

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
const BOUNDARY = "----vigil-fault";
const FILE_PART_HEAD = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="cell.png"\r\nContent-Type: image/png\r\n\r\n`;

/** A multipart request whose body is `chunks`; `fail` makes the body stream error after them (a client gone mid-upload). */
function uploadRequest(chunks: Buffer[], fail = false): Request {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new Uint8Array(chunk));
      if (fail) controller.error(new Error("client went away"));
      else controller.close();
    },
  });
  return new Request("http://localhost/upload", {
    method: "POST",
    headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
    body,
    duplex: "half",
  } as RequestInit);
}

const truncatedFile = () => [Buffer.from(FILE_PART_HEAD), PNG.subarray(0, 40)];

let dir: string;
let monitor: TestUser;
let workspace: { id: string; slug: string };
let visitId: string;
const uncaught: unknown[] = [];
const noteUncaught = (error: unknown) => uncaught.push(error);

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "vigil-upload-faults-"));
  process.env.ATTACHMENTS_DIR = dir;
  const owner = await createTestUser();
  monitor = await createTestUser();
  workspace = await createTestWorkspace(owner);
  await addMember(workspace.id, monitor, "monitor");
  visitId = (await createTestVisit(workspace.id)).id;
  process.prependListener("uncaughtException", noteUncaught);
});

afterAll(async () => {
  process.off("uncaughtException", noteUncaught);
  delete process.env.ATTACHMENTS_DIR;
  await rm(dir, { recursive: true, force: true });
});

async function storedFiles(): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
}

const attachmentRows = () => withTenant(workspace.id, null, (tx) => tx.attachment.count({ where: { visitId } }));

/** Lets busboy finish with the body and any stray 'error' event surface. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe("broken multipart uploads", () => {
  it("a truncated body whose file nobody reads (a signed-out sender) neither throws nor leaves an unhandled stream error", async () => {
    const { caller } = await callerFor(null);
    const outcome = await receiveMultipart(uploadRequest(truncatedFile()), 1024, async ({ file }) => {
      try {
        await caller.attachments.upload({ tenantSlug: workspace.slug, visitId, findingId: null, fileName: "cell.png", content: file!.content });
        return "stored";
      } catch (error) {
        return error instanceof TRPCError ? error.code : "other";
      }
    });
    await settle();
    expect(outcome).toBe("UNAUTHORIZED");
    expect(uncaught).toEqual([]);
  });

  it.each([
    ["stops before its closing boundary", () => uploadRequest(truncatedFile())],
    ["breaks off (the request stream errors)", () => uploadRequest(truncatedFile(), true)],
  ])("an upload that %s is refused as malformed: no file, no row", async (_case, request) => {
    const { caller } = await callerFor(monitor);
    const before = await attachmentRows();
    const outcome = await receiveMultipart(request(), 64 * 1024, ({ file }) =>
      caller.attachments.upload({ tenantSlug: workspace.slug, visitId, findingId: null, fileName: "cell.png", content: file!.content }),
    ).then(
      () => "stored",
      (error: unknown) => (error instanceof TRPCError ? `${error.code} ${error.message}` : error instanceof MultipartError ? "MultipartError" : String(error)),
    );
    await settle();
    // Both are a 400 on the upload routes; which one depends on whether busboy had handed the file over.
    expect(["BAD_REQUEST attachmentErrors.malformed", "MultipartError"]).toContain(outcome);
    expect(await attachmentRows()).toBe(before);
    expect(await storedFiles()).toEqual([]);
    expect(uncaught).toEqual([]);
  });

  it("a body that breaks off before any file is a MultipartError (a 400), not an unexpected error", async () => {
    const head = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="findingId"\r\n\r\nabc`);
    const outcome = await receiveMultipart(uploadRequest([head], true), 1024, async () => "received").catch((error: unknown) => error);
    expect(outcome).toBeInstanceOf(MultipartError);
  });
});
