import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UPLOADS_AT_ONCE } from "../core/trpc.ts";
import { callerFor, createTestUser, createTestWorkspace, recordStatements, type TestUser } from "../testing/index.ts";
import { createTestVisit } from "../testing/visits.ts";

/**
 * A photo sent from a phone on a slow network arrives over many seconds, inside the upload's
 * transaction: it must not fail when Prisma's default 5 s runs out (decision 0244); and a process
 * holds only UPLOADS_AT_ONCE such transactions, so slow or trickled uploads cannot take the pool.
 */
let dir: string;
let owner: TestUser;
let workspace: { id: string; slug: string };
let visitId: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "vigil-slow-upload-"));
  process.env.ATTACHMENTS_DIR = dir;
  owner = await createTestUser();
  workspace = await createTestWorkspace(owner);
  visitId = (await createTestVisit(workspace.id)).id;
});

afterAll(async () => {
  delete process.env.ATTACHMENTS_DIR;
  await rm(dir, { recursive: true, force: true });
});

/** The bytes in `parts` pieces, one every `everyMs`. */
async function* trickle(bytes: Buffer, parts: number, everyMs: number) {
  const size = Math.ceil(bytes.length / parts);
  for (let offset = 0; offset < bytes.length; offset += size) {
    yield bytes.subarray(offset, offset + size);
    await sleep(everyMs);
  }
}

describe("a slow upload", () => {
  it("is stored when its body takes longer than 5 s to arrive", { timeout: 30_000 }, async () => {
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#557799" } }).jpeg().toBuffer();
    const { caller } = await callerFor(owner);
    const stored = await caller.attachments.upload({ tenantSlug: workspace.slug, visitId, findingId: null, fileName: "corridor.jpg", content: Readable.from(trickle(photo, 6, 1_100)) });
    expect(stored).toMatchObject({ fileName: "corridor.jpg", contentType: "image/jpeg" });
    const listed = await caller.findings.list({ tenantSlug: workspace.slug, visitId });
    expect(listed.unlinkedAttachments.map((a) => a.id)).toContain(stored.id);
  });
});

describe("uploads at once", () => {
  it(`hold at most ${UPLOADS_AT_ONCE} transactions while their bodies arrive, and every upload is kept`, async () => {
    const count = UPLOADS_AT_ONCE * 2 + 1;
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n");
    let ids: string[] = [];
    const statements = await recordStatements(async () => {
      ids = await Promise.all(
        Array.from({ length: count }, async (_, i) => {
          const { caller } = await callerFor(owner);
          const content = Readable.from(trickle(pdf, 3, 40));
          return (await caller.attachments.upload({ tenantSlug: workspace.slug, visitId, findingId: null, fileName: `note-${i}.pdf`, content })).id;
        }),
      );
    });
    expect(new Set(ids).size).toBe(count);
    let open = 0;
    let most = 0;
    for (const text of statements) {
      if (/^\s*BEGIN/i.test(text)) most = Math.max(most, ++open);
      if (/^\s*(COMMIT|ROLLBACK)/i.test(text)) open--;
    }
    expect(most).toBe(UPLOADS_AT_ONCE);
  });
});
