import { createHash, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { withTenant } from "@vigil/db";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import yauzl from "yauzl";
import { openAttachmentFile } from "../attachments/storage.ts";
import { attachmentsPrefix, exportObjectKey } from "../attachments/workspace-files.ts";
import type * as AuditModule from "../core/audit.ts";
import { logger } from "../core/logger.ts";
import { addMember, callerFor, createTestUser, createTestWorkspace, refusalOf, TEST_PASSWORD, type TestUser } from "../testing/index.ts";
import { createTestVisit } from "../testing/visits.ts";
import { buildExport, purgeExpiredExports } from "../workspaces/export.ts";
import { objectStorage } from "./settings.ts";
import { useFakeS3 } from "./testing/use-fake-s3.ts";

/**
 * Evidence and exports on the S3 driver, against s3rver: the same procedures as with the local
 * folder, the bytes in the bucket. The export is built by calling the job's function, not through
 * the queue (export.int.test.ts owns the export worker).
 */
useFakeS3();

/** Set by a test: the audit record of an upload fails, after the bytes are in the bucket (the row's transaction rolls back). */
const failing = vi.hoisted(() => ({ audit: false }));
vi.mock("../core/audit.ts", async (importOriginal) => {
  const original = await importOriginal<typeof AuditModule>();
  return {
    ...original,
    recordAudit: (...args: Parameters<typeof original.recordAudit>) => {
      if (failing.audit && args[2].action === "attachment.uploaded") return Promise.reject(new Error("the database went away"));
      return original.recordAudit(...args);
    },
  };
});

const PDF_HEAD = Buffer.from("%PDF-1.4\n");
const MB = 1024 * 1024;
let owner: TestUser, monitor: TestUser;
let workspace: { id: string; slug: string };
let visitId: string;

beforeAll(async () => {
  process.env.ATTACHMENTS_MAX_BYTES = String(8 * MB);
  [owner, monitor] = await Promise.all([createTestUser(), createTestUser()]);
  workspace = await createTestWorkspace(owner);
  await addMember(workspace.id, monitor, "monitor");
  visitId = (await createTestVisit(workspace.id)).id;
});
afterAll(() => {
  delete process.env.ATTACHMENTS_MAX_BYTES;
});

/** A PDF of `megabytes` MB, sent in 1 MB chunks. */
function pdfChunks(megabytes: number): Buffer[] {
  return Array.from({ length: megabytes }, (_, index) => (index === 0 ? Buffer.concat([PDF_HEAD, Buffer.alloc(MB - PDF_HEAD.length, 1)]) : Buffer.alloc(MB, index)));
}

async function upload(user: TestUser, chunks: Buffer[]) {
  const { caller } = await callerFor(user);
  return caller.attachments.upload({ tenantSlug: workspace.slug, visitId, findingId: null, fileName: "Register of the cells — Kruševac.pdf", content: Readable.from(chunks) });
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const rowsOfVisit = () => withTenant(workspace.id, null, (tx) => tx.attachment.count({ where: { visitId } }));

describe("evidence on S3", () => {
  it("streams an upload into the bucket under a key of ids only, and back out, byte for byte", async () => {
    const chunks = pdfChunks(6);
    const stored = await upload(monitor, chunks);
    const whole = Buffer.concat(chunks);
    expect(stored).toMatchObject({ contentType: "application/pdf", sizeBytes: whole.length, sha256: createHash("sha256").update(whole).digest("hex") });
    const objects = await objectStorage().list(attachmentsPrefix(workspace.id));
    expect(objects).toContainEqual({ key: `attachments/${workspace.id}/${stored.id}`, sizeBytes: whole.length });
    // The name the person gave never reaches the store.
    for (const { key } of objects) expect(key).not.toMatch(/Register|Kru|pdf/);
    expect((await readAll(await openAttachmentFile(`${workspace.id}/${stored.id}`))).equals(whole)).toBe(true);
  });

  it("an upload refused after several parts were sent leaves no object and no row", async () => {
    const rowsBefore = await rowsOfVisit();
    const objectsBefore = await objectStorage().list(attachmentsPrefix(workspace.id));
    // 9 MB against a limit of 8: refused after the S3 driver has sent its first parts.
    expect(await refusalOf(upload(monitor, pdfChunks(9)))).toBe("BAD_REQUEST attachmentErrors.tooLarge");
    expect(await rowsOfVisit()).toBe(rowsBefore);
    expect(await objectStorage().list(attachmentsPrefix(workspace.id))).toEqual(objectsBefore);
  });

  it("an upload whose row cannot be written leaves no object behind", async () => {
    const rowsBefore = await rowsOfVisit();
    const objectsBefore = await objectStorage().list(attachmentsPrefix(workspace.id));
    failing.audit = true;
    try {
      await expect(upload(monitor, pdfChunks(6))).rejects.toThrow();
    } finally {
      failing.audit = false;
    }
    expect(await rowsOfVisit()).toBe(rowsBefore);
    expect(await objectStorage().list(attachmentsPrefix(workspace.id))).toEqual(objectsBefore);
    // A finding id of no finding: refused before a byte is read, so nothing is sent to the bucket at all.
    const { caller } = await callerFor(monitor);
    await expect(caller.attachments.upload({ tenantSlug: workspace.slug, visitId, findingId: randomUUID(), fileName: "a.pdf", content: Readable.from(pdfChunks(1)) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await objectStorage().list(attachmentsPrefix(workspace.id))).toEqual(objectsBefore);
  });

  it("a deleted attachment's object goes with its row", async () => {
    const stored = await upload(monitor, pdfChunks(1));
    const { caller } = await callerFor(monitor);
    await caller.attachments.delete({ tenantSlug: workspace.slug, attachmentId: stored.id });
    expect((await objectStorage().list(attachmentsPrefix(workspace.id))).map((o) => o.key)).not.toContain(`attachments/${workspace.id}/${stored.id}`);
  });
});

describe("exports on S3", () => {
  it("builds the ZIP into the bucket with the evidence read from it, and the purge removes it", async () => {
    const stored = await upload(monitor, pdfChunks(1));
    const { caller } = await callerFor(owner);
    const job = await caller.workspaceExport.start({ tenantSlug: workspace.slug, reauthentication: TEST_PASSWORD });
    expect(await buildExport(workspace.id, job.id, logger, { finalAttempt: true })).toBe("built");
    const download = await caller.workspaceExport.download({ tenantSlug: workspace.slug, exportId: job.id });
    expect(download.objectKey).toBe(exportObjectKey(workspace.id, job.id));
    const zip = await readAll(await objectStorage().get(download.objectKey));
    expect(zip.byteLength).toBe(download.sizeBytes);
    const names = await new Promise<string[]>((resolve, reject) => {
      yauzl.fromBuffer(zip, (error, file) => {
        if (error) return reject(error);
        const entries: string[] = [];
        file.on("entry", (entry: yauzl.Entry) => entries.push(entry.fileName));
        file.on("end", () => resolve(entries));
      });
    });
    expect(names).toEqual(expect.arrayContaining(["manifest.json", "workspace.json", `attachments/${stored.id}`]));

    await withTenant(workspace.id, null, (tx) => tx.workspaceExport.update({ where: { tenantId_id: { tenantId: workspace.id, id: job.id } }, data: { finishedAt: new Date(Date.now() - 25 * 60 * 60 * 1000) } }));
    await purgeExpiredExports();
    await expect(objectStorage().get(download.objectKey)).rejects.toThrow("no stored object");
  });
});
