import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { TRPCError } from "@trpc/server";
import { withTenant } from "@vigil/db";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { receiveMultipart } from "./multipart.ts";
import { addMember, callerFor, createTestUser, createTestWorkspace, refusalOf, type TestUser } from "../testing/index.ts";
import { createTestVisit } from "../testing/visits.ts";

// A 1×1 PNG, and a minimal PDF header.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

let dir: string;
let owner: TestUser, monitor: TestUser, viewer: TestUser;
let workspace: { id: string; slug: string };
let visitId: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "vigil-attachments-"));
  process.env.ATTACHMENTS_DIR = dir;
  process.env.ATTACHMENTS_MAX_BYTES = String(64 * 1024);
  [owner, monitor, viewer] = await Promise.all([createTestUser(), createTestUser(), createTestUser()]);
  workspace = await createTestWorkspace(owner);
  await addMember(workspace.id, monitor, "monitor");
  await addMember(workspace.id, viewer, "viewer");
  visitId = (await createTestVisit(workspace.id)).id;
});

afterAll(async () => {
  delete process.env.ATTACHMENTS_DIR;
  delete process.env.ATTACHMENTS_MAX_BYTES;
  await rm(dir, { recursive: true, force: true });
});

/** Every file in the attachments folder, relative to it. */
async function storedFiles(): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

async function upload(user: TestUser, fileName: string, bytes: Buffer | Buffer[], findingId: string | null = null) {
  const { caller } = await callerFor(user);
  return caller.attachments.upload({ tenantSlug: workspace.slug, visitId, findingId, fileName, content: Readable.from(Array.isArray(bytes) ? bytes : [bytes]) });
}

describe("attachments", () => {
  it("streams a photo to the folder with its SHA-256, linked to a finding; any member downloads it, audited", async () => {
    const { caller } = await callerFor(monitor);
    const finding = await caller.findings.create({ tenantSlug: workspace.slug, visitId, theme: "Cells", text: "Mould on the walls.", severity: "medium" });
    const stored = await upload(monitor, "cell-3.png", PNG, finding.id);
    // A photo is kept as rewritten without its metadata (photos.int.test.ts): size and hash are of the file kept.
    const kept = await readFile(path.join(dir, workspace.id, stored.id));
    expect(stored).toMatchObject({ fileName: "cell-3.png", contentType: "image/png", sizeBytes: kept.length, findingId: finding.id });
    expect(stored.sha256).toBe(createHash("sha256").update(kept).digest("hex"));
    expect(kept.subarray(0, 8)).toEqual(PNG.subarray(0, 8));
    const listed = await caller.findings.list({ tenantSlug: workspace.slug, visitId });
    expect(listed.findings.find((f) => f.id === finding.id)?.attachments.map((a) => a.id)).toEqual([stored.id]);

    const { caller: viewerCaller } = await callerFor(viewer);
    const opened = await viewerCaller.attachments.open({ tenantSlug: workspace.slug, attachmentId: stored.id });
    expect(opened).toMatchObject({ id: stored.id, contentType: "image/png", storageKey: `${workspace.id}/${stored.id}` });
    const downloads = await withTenant(workspace.id, null, (tx) => tx.auditEvent.findMany({ where: { action: "attachment.downloaded", targetId: stored.id }, select: { actorId: true } }));
    expect(downloads).toEqual([{ actorId: viewer.id }]);
  });

  it("records the type found in the bytes, not the name: a PNG renamed .pdf is stored as image/png", async () => {
    const stored = await upload(monitor, "report.pdf", PNG);
    expect(stored.contentType).toBe("image/png");
    expect((await upload(monitor, "scan.pdf", PDF)).contentType).toBe("application/pdf");
  });

  it("refuses other types and over-limit uploads with a translated message, leaving no file behind", async () => {
    const before = await storedFiles();
    expect(await refusalOf(upload(monitor, "page.pdf", Buffer.from("<html><script>alert(1)</script></html>")))).toBe("BAD_REQUEST attachmentErrors.unsupportedType");
    const oversized = [PNG, ...Array.from({ length: 20 }, () => Buffer.alloc(4096, 1))];
    expect(await refusalOf(upload(monitor, "huge.png", oversized))).toBe("BAD_REQUEST attachmentErrors.tooLarge");
    expect(await refusalOf(upload(monitor, "empty.png", Buffer.alloc(0)))).toBe("BAD_REQUEST attachmentErrors.empty");
    expect(await storedFiles()).toEqual(before);
    const rows = await withTenant(workspace.id, null, (tx) => tx.attachment.count({ where: { fileName: { in: ["page.pdf", "huge.png", "empty.png"] } } }));
    expect(rows).toBe(0);

    const { caller } = await callerFor(monitor);
    const error = await caller.attachments.upload({ tenantSlug: workspace.slug, visitId, fileName: "huge.png", content: Readable.from(oversized) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).message).toBe("attachmentErrors.tooLarge");
  });

  it("cannot be uploaded by a viewer or called without a stream (as JSON over HTTP would)", async () => {
    expect(await refusalOf(upload(viewer, "x.png", PNG))).toBe("FORBIDDEN errors.forbidden");
    const { caller } = await callerFor(monitor);
    const asJson = { tenantSlug: workspace.slug, visitId, fileName: "x.png", content: { data: "iVBOR" } } as unknown as Parameters<typeof caller.attachments.upload>[0];
    expect(await refusalOf(caller.attachments.upload(asJson))).toMatch(/^BAD_REQUEST/);
  });

  it("another workspace's member can neither upload to, download nor delete this workspace's evidence", async () => {
    const stored = await upload(monitor, "door.jpg", await sharp({ create: { width: 4, height: 4, channels: 3, background: "#777" } }).jpeg().toBuffer());
    expect(stored.contentType).toBe("image/jpeg");
    const stranger = await createTestUser();
    const theirs = await createTestWorkspace(stranger);
    const { caller } = await callerFor(stranger);
    expect(await refusalOf(caller.attachments.open({ tenantSlug: theirs.slug, attachmentId: stored.id }))).toBe("NOT_FOUND errors.notFound");
    expect(await refusalOf(caller.attachments.delete({ tenantSlug: theirs.slug, attachmentId: stored.id }))).toBe("NOT_FOUND errors.notFound");
    expect(await refusalOf(caller.attachments.upload({ tenantSlug: theirs.slug, visitId, fileName: "x.png", content: Readable.from([PNG]) }))).toBe("NOT_FOUND errors.notFound");
    expect(await refusalOf(caller.attachments.open({ tenantSlug: workspace.slug, attachmentId: stored.id }))).toBe("NOT_FOUND errors.notFound");
    for (const view of ["preview", "thumbnail"] as const) {
      expect(await refusalOf(caller.attachments.open({ tenantSlug: theirs.slug, attachmentId: stored.id, view }))).toBe("NOT_FOUND errors.notFound");
    }
    expect(await storedFiles()).toContain(path.join(workspace.id, stored.id));
  });

  it("a monitor deletes evidence: row and file go", async () => {
    const stored = await upload(monitor, "blurred.png", PNG);
    const { caller } = await callerFor(monitor);
    await caller.attachments.delete({ tenantSlug: workspace.slug, attachmentId: stored.id });
    expect(await storedFiles()).not.toContain(path.join(workspace.id, stored.id));
  });
});

describe("multipart uploads", () => {
  function multipartRequest(parts: FormData) {
    return new Request("http://localhost/upload", { method: "POST", body: parts });
  }

  it("hands over the fields before the file and the file as a stream", async () => {
    const form = new FormData();
    form.set("findingId", "abc");
    form.set("file", new Blob([PNG], { type: "application/pdf" }), "photo.pdf");
    const received = await receiveMultipart(multipartRequest(form), 1024, async ({ fields, file }) => {
      const chunks: Buffer[] = [];
      for await (const chunk of file!.content) chunks.push(chunk as Buffer);
      return { fields, name: file!.fileName, declared: file!.declaredType, bytes: Buffer.concat(chunks) };
    });
    expect(received).toEqual({ fields: { findingId: "abc" }, name: "photo.pdf", declared: "application/pdf", bytes: PNG });
  });

  it("cuts a file one byte past the limit, so the receiver can refuse it", async () => {
    const form = new FormData();
    form.set("file", new Blob([Buffer.alloc(5000)]), "big.png");
    const size = await receiveMultipart(multipartRequest(form), 1000, async ({ file }) => {
      let total = 0;
      for await (const chunk of file!.content) total += (chunk as Buffer).length;
      return total;
    });
    expect(size).toBe(1001);
  });
});
