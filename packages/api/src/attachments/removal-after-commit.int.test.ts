import { randomUUID } from "node:crypto";
import { access, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { withTenant } from "@vigil/db";
import { privilegedDb } from "@vigil/db/privileged";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, callerFor, createTestUser, createTestWorkspace, type TestUser } from "../testing/index.ts";
import { createTestVisit } from "../testing/visits.ts";

// Decision 0252: a stored object is removed only once the transaction that deletes (or replaces)
// its row has committed, and an object stored for a row the transaction did not keep is removed
// after the rollback. "Nothing committed is lost": a rollback never leaves a row without its file.

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
let dir: string;
let coordinator: TestUser;
let workspace: { id: string; slug: string };
let visitId: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "vigil-after-commit-"));
  process.env.ATTACHMENTS_DIR = dir;
  const owner = await createTestUser();
  coordinator = await createTestUser();
  workspace = await createTestWorkspace(owner);
  await addMember(workspace.id, coordinator, "coordinator");
  visitId = (await createTestVisit(workspace.id)).id;
});
afterAll(async () => {
  delete process.env.ATTACHMENTS_DIR;
  await rm(dir, { recursive: true, force: true });
});

const fileExists = (storageKey: string) => access(path.join(dir, storageKey)).then(() => true, () => false);

/**
 * Makes the transaction fail at its commit, after everything the procedure did (a deferred
 * constraint trigger), for one row only, so parallel tests are untouched. Returns its remover.
 */
async function failCommitOn(table: "attachments" | "public_posts", event: "INSERT" | "UPDATE" | "DELETE", column: "id" | "visit_id", value: string) {
  const name = `test_fail_commit_${randomUUID().replaceAll("-", "")}`;
  const row = event === "DELETE" ? "OLD" : "NEW";
  const db = privilegedDb();
  await db.$executeRawUnsafe(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'commit refused by the test'; END $$`);
  await db.$executeRawUnsafe(
    `CREATE CONSTRAINT TRIGGER ${name} AFTER ${event} ON ${table} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (${row}.${column} = '${value}'::uuid) EXECUTE FUNCTION ${name}()`,
  );
  return async () => {
    await db.$executeRawUnsafe(`DROP TRIGGER ${name} ON ${table}`);
    await db.$executeRawUnsafe(`DROP FUNCTION ${name}()`);
  };
}

async function storageKeyOf(attachmentId: string) {
  const row = await withTenant(workspace.id, null, (tx) => tx.attachment.findFirst({ where: { id: attachmentId }, select: { storageKey: true } }));
  return row?.storageKey;
}

describe("evidence files and their rows", () => {
  it("a deletion whose transaction fails at commit keeps the row and its file; a committed one removes the file", async () => {
    const { caller } = await callerFor(coordinator);
    const stored = await caller.attachments.upload({ tenantSlug: workspace.slug, visitId, findingId: null, fileName: "cell.png", content: Readable.from([PNG]) });
    const storageKey = (await storageKeyOf(stored.id))!;
    expect(await fileExists(storageKey)).toBe(true);

    const allowCommit = await failCommitOn("attachments", "DELETE", "id", stored.id);
    try {
      await expect(caller.attachments.delete({ tenantSlug: workspace.slug, attachmentId: stored.id })).rejects.toThrow();
    } finally {
      await allowCommit();
    }
    expect(await storageKeyOf(stored.id)).toBe(storageKey);
    expect(await fileExists(storageKey)).toBe(true);

    await caller.attachments.delete({ tenantSlug: workspace.slug, attachmentId: stored.id });
    expect(await storageKeyOf(stored.id)).toBeUndefined();
    expect(await fileExists(storageKey)).toBe(false);
  });

  it("an upload whose transaction fails after its row was written leaves no file behind", async () => {
    const { caller } = await callerFor(coordinator);
    const otherVisit = (await createTestVisit(workspace.id)).id;
    const allowCommit = await failCommitOn("attachments", "INSERT", "visit_id", otherVisit);
    try {
      await expect(caller.attachments.upload({ tenantSlug: workspace.slug, visitId: otherVisit, findingId: null, fileName: "cell.png", content: Readable.from([PNG]) })).rejects.toThrow();
    } finally {
      await allowCommit();
    }
    const files = await import("node:fs/promises").then(({ readdir }) => readdir(path.join(dir, workspace.id)).catch(() => [] as string[]));
    const rows = await withTenant(workspace.id, null, (tx) => tx.attachment.findMany({ select: { storageKey: true } }));
    // Every file left in the workspace's folder belongs to a row.
    expect(files.map((file) => `${workspace.id}/${file}`).sort()).toEqual(rows.map((row) => row.storageKey).sort());
  });
});

describe("a public post's image", () => {
  it("a replacement whose transaction fails at commit keeps the previous image; a deletion likewise", async () => {
    const { caller } = await callerFor(coordinator);
    const slug = workspace.slug;
    await caller.publicSite.saveSettings({ tenantSlug: slug, enabled: true, languages: ["en"], mandate: {} });
    const post = await caller.publicSite.savePost({ tenantSlug: slug, slug: `with-image-${randomUUID().slice(0, 8)}`, translations: [{ language: "en", title: "Image", body: "" }] });
    const photo = () => sharp({ create: { width: 8, height: 4, channels: 3, background: "#8a8a8a" } }).jpeg().toBuffer();
    await caller.publicSite.setPostImage({ tenantSlug: slug, postId: post.id, fileName: "a.jpg", content: Readable.from([await photo()]) });
    const imageKey = async () => (await privilegedDb().publicPost.findFirst({ where: { id: post.id }, select: { imageStorageKey: true } }))?.imageStorageKey;
    const first = (await imageKey())!;
    expect(await fileExists(first)).toBe(true);

    let allowCommit = await failCommitOn("public_posts", "UPDATE", "id", post.id);
    try {
      await expect(caller.publicSite.setPostImage({ tenantSlug: slug, postId: post.id, fileName: "b.jpg", content: Readable.from([await photo()]) })).rejects.toThrow();
    } finally {
      await allowCommit();
    }
    expect(await imageKey()).toBe(first);
    expect(await fileExists(first)).toBe(true);

    allowCommit = await failCommitOn("public_posts", "DELETE", "id", post.id);
    try {
      await expect(caller.publicSite.deletePost({ tenantSlug: slug, postId: post.id })).rejects.toThrow();
    } finally {
      await allowCommit();
    }
    expect(await imageKey()).toBe(first);
    expect(await fileExists(first)).toBe(true);

    await caller.publicSite.deletePost({ tenantSlug: slug, postId: post.id });
    expect(await fileExists(first)).toBe(false);
  });
});
