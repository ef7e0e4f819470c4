import { access, mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createSession } from "@vigil/auth";
import { withTenant } from "@vigil/db";
import { privilegedDb } from "@vigil/db/privileged";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import yauzl from "yauzl";
import { recordAudit } from "../core/audit.ts";
import { EXPORT_TTL_MS, purgeExpiredExports } from "./export.ts";
import { exportObjectKey } from "../attachments/workspace-files.ts";
import { objectStorage } from "../storage/settings.ts";
import { EXPORT_QUEUE, enqueueWorkspaceExport, startJobs, type RunningJobs } from "../jobs/index.ts";
import { addMember, callerFor, createTestUser, createTestWorkspace, TEST_PASSWORD, type TestUser } from "../testing/index.ts";
import { jobSettled } from "../testing/jobs.ts";

/**
 * Exports are built by the export job on the real queue (jobs/workspace-export.ts). Only this test
 * file runs the export worker: a worker takes any job of its queue, and another file's worker would
 * write the ZIP into that file's data folder.
 */
let dataDir: string;
let jobs: RunningJobs;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "vigil-export-"));
  process.env.VIGIL_DATA_DIR = dataDir;
  jobs = await startJobs({ log: () => undefined, schedules: false, workers: [EXPORT_QUEUE] });
});
afterAll(async () => {
  await jobs.stop({ graceful: false, wait: true });
  delete process.env.VIGIL_DATA_DIR;
  await rm(dataDir, { recursive: true, force: true });
});

/** Where the local driver (the default) keeps an object: in the data folder, at its key. */
const localFile = (key: string) => path.join(dataDir, key);

/** Every entry of a ZIP file, as text. */
function unzip(file: string): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const entries = new Map<string, string>();
      zip.on("entry", (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("end", () => {
            entries.set(entry.fileName, Buffer.concat(chunks).toString("utf8"));
            zip.readEntry();
          });
        });
      });
      zip.on("end", () => resolve(entries));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
}

async function finishedExport(owner: TestUser, slug: string) {
  const { caller } = await callerFor(owner);
  const job = await caller.workspaceExport.start({ tenantSlug: slug, reauthentication: TEST_PASSWORD });
  await expect.poll(async () => (await caller.workspaceExport.list({ tenantSlug: slug })).find((j) => j.id === job.id)?.status, { timeout: 20_000 }).toBe("done");
  const listed = (await caller.workspaceExport.list({ tenantSlug: slug })).find((j) => j.id === job.id)!;
  expect(listed.progress).toBe(100);
  return caller.workspaceExport.download({ tenantSlug: slug, exportId: job.id });
}

describe("workspace export", () => {
  it("contains every record of the workspace, with its attachments, and nothing of another", async () => {
    const owner = await createTestUser("Export Owner");
    const workspace = await createTestWorkspace(owner);
    const monitor = await createTestUser("Export Monitor");
    await addMember(workspace.id, monitor, "monitor");
    await withTenant(workspace.id, null, (tx) => recordAudit(tx, { tenantId: workspace.id, userId: owner.id, ipAddress: null }, { action: "place.created", targetType: "place", targetId: "ours" }));
    const evidenceId = crypto.randomUUID();
    await objectStorage().put(`attachments/${workspace.id}/${evidenceId}`, [Buffer.from("findings of the visit")]);

    const stranger = await createTestUser("Stranger Danger");
    const other = await createTestWorkspace(stranger);
    await withTenant(other.id, null, (tx) => recordAudit(tx, { tenantId: other.id, userId: stranger.id, ipAddress: null }, { action: "place.created", targetType: "place", targetId: "theirs" }));
    await objectStorage().put(`attachments/${other.id}/${crypto.randomUUID()}`, [Buffer.from("their secret")]);

    const download = await finishedExport(owner, workspace.slug);
    const entries = await unzip(localFile(download.objectKey));
    const manifest = JSON.parse(entries.get("manifest.json")!) as { version: number; tables: Record<string, number>; tenantId: string };
    expect(manifest).toMatchObject({ version: 1, tenantId: workspace.id });
    // Every table with a tenant_id is there, including ones no one listed (read from the catalog).
    expect(Object.keys(manifest.tables)).toEqual(expect.arrayContaining(["audit_events", "invitations", "memberships", "workspace_exports"]));
    for (const table of Object.keys(manifest.tables)) expect(entries.has(`data/${table}.json`), table).toBe(true);

    const memberships = JSON.parse(entries.get("data/memberships.json")!) as { user_id: string; tenant_id: string }[];
    expect(memberships.map((m) => m.user_id).sort()).toEqual([owner.id, monitor.id].sort());
    const audit = JSON.parse(entries.get("data/audit_events.json")!) as { target_id: string | null }[];
    expect(audit.map((a) => a.target_id)).toContain("ours");
    expect(JSON.parse(entries.get("workspace.json")!)).toMatchObject({ id: workspace.id, slug: workspace.slug });
    expect(entries.get(`attachments/${evidenceId}`)).toBe("findings of the visit");

    // Nothing of the other workspace: no row with its id, no name, no file.
    const everything = [...entries.values()].join("\n");
    expect(everything).not.toContain(other.id);
    expect(everything).not.toContain("Stranger Danger");
    expect(everything).not.toContain("their secret");
    for (const [name, text] of entries) {
      if (!name.startsWith("data/")) continue;
      for (const row of JSON.parse(text) as { tenant_id: string }[]) expect(row.tenant_id).toBe(workspace.id);
    }
  });

  it("another workspace's owner cannot download it, even with its id", async () => {
    const owner = await createTestUser();
    const workspace = await createTestWorkspace(owner);
    const { caller } = await callerFor(owner);
    const job = await caller.workspaceExport.start({ tenantSlug: workspace.slug, reauthentication: TEST_PASSWORD });
    const stranger = await createTestUser();
    const other = await createTestWorkspace(stranger);
    const asStranger = (await callerFor(stranger)).caller;
    await expect(asStranger.workspaceExport.download({ tenantSlug: other.slug, exportId: job.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(asStranger.workspaceExport.download({ tenantSlug: workspace.slug, exportId: job.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await asStranger.workspaceExport.list({ tenantSlug: other.slug })).toEqual([]);
  });

  it("is written for the server's user only, expires 24 hours after it is ready, and the purge deletes file and row", async () => {
    const owner = await createTestUser();
    const workspace = await createTestWorkspace(owner);
    const file = await finishedExport(owner, workspace.slug);
    expect((await stat(localFile(file.objectKey))).mode & 0o777).toBe(0o600);
    const { caller } = await callerFor(owner);
    const [job] = await caller.workspaceExport.list({ tenantSlug: workspace.slug });
    // The attack: a later session of the owner could still download an old ZIP, and nothing deleted it.
    const finishedAt = new Date(Date.now() - EXPORT_TTL_MS - 60_000);
    await privilegedDb().workspaceExport.update({ where: { tenantId_id: { tenantId: workspace.id, id: job!.id } }, data: { finishedAt } });
    await expect(caller.workspaceExport.download({ tenantSlug: workspace.slug, exportId: job!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await purgeExpiredExports()).toBeGreaterThanOrEqual(1);
    await expect(access(localFile(file.objectKey))).rejects.toThrow();
    expect(await privilegedDb().workspaceExport.count({ where: { id: job!.id } })).toBe(0);
  });

  it("downloads only in the session that started it (and re-authenticated): a later session of the owner cannot", async () => {
    const owner = await createTestUser();
    const workspace = await createTestWorkspace(owner);
    const file = await finishedExport(owner, workspace.slug);
    expect(file.fileName).toMatch(/\.zip$/);
    const [job] = await (await callerFor(owner)).caller.workspaceExport.list({ tenantSlug: workspace.slug });
    expect(job!.downloadable).toBe(true);
    // The attack: a new session (a stolen cookie) listed and downloaded the ZIP without the password.
    const { token } = await createSession(owner.id, {}, { secondFactor: true });
    const later = (await callerFor({ token })).caller;
    expect((await later.workspaceExport.list({ tenantSlug: workspace.slug }))[0]).toMatchObject({ id: job!.id, downloadable: false });
    await expect(later.workspaceExport.download({ tenantSlug: workspace.slug, exportId: job!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the export job, through the queue", () => {
  it("is queued with the export, keyed by its id; running it again changes nothing", async () => {
    const owner = await createTestUser();
    const workspace = await createTestWorkspace(owner);
    const file = await finishedExport(owner, workspace.slug);
    const [done] = await (await callerFor(owner)).caller.workspaceExport.list({ tenantSlug: workspace.slug });
    const row = () => privilegedDb().workspaceExport.findUniqueOrThrow({ where: { tenantId_id: { tenantId: workspace.id, id: done!.id } } });
    const before = await row();
    const writtenAt = (await stat(localFile(file.objectKey))).mtimeMs;
    // The job carries the export's id: queueing it again is a no-op.
    expect(await jobs.boss.getJobById(EXPORT_QUEUE, done!.id, { includeArchive: true })).toMatchObject({ id: done!.id, state: "completed" });
    expect(await withTenant(workspace.id, null, (tx) => enqueueWorkspaceExport(tx, { tenantId: workspace.id, exportId: done!.id }))).toBeUndefined();
    // A second delivery (pg-boss delivers at least once) leaves the finished export as it was.
    const again = await jobs.boss.send(EXPORT_QUEUE, { tenantId: workspace.id, exportId: done!.id });
    expect(await jobSettled(jobs.boss, EXPORT_QUEUE, again!)).toBe("completed");
    expect(await row()).toEqual(before);
    expect((await stat(localFile(file.objectKey))).mtimeMs).toBe(writtenAt);
  });

  it("is not queued when the request's transaction rolls back", async () => {
    const owner = await createTestUser();
    const workspace = await createTestWorkspace(owner);
    const exportId = crypto.randomUUID();
    await expect(
      withTenant(workspace.id, null, async (tx) => {
        await enqueueWorkspaceExport(tx, { tenantId: workspace.id, exportId });
        throw new Error("the request failed after queueing");
      }),
    ).rejects.toThrow("the request failed after queueing");
    expect(await jobs.boss.getJobById(EXPORT_QUEUE, exportId, { includeArchive: true })).toBeNull();
  });

  it("a failing export is retried, then marked failed, and no ZIP is left", async () => {
    const owner = await createTestUser();
    const workspace = await createTestWorkspace(owner);
    // The exports folder cannot be created: a file is in its way.
    await mkdir(path.join(dataDir, "exports"), { recursive: true });
    await writeFile(path.join(dataDir, "exports", workspace.id), "in the way");
    const { caller } = await callerFor(owner);
    const job = await caller.workspaceExport.start({ tenantSlug: workspace.slug, reauthentication: TEST_PASSWORD });
    expect(await jobSettled(jobs.boss, EXPORT_QUEUE, job.id, 60_000)).toBe("completed");
    expect(await jobs.boss.getJobById(EXPORT_QUEUE, job.id, { includeArchive: true })).toMatchObject({ retryCount: 2 });
    const [listed] = await caller.workspaceExport.list({ tenantSlug: workspace.slug });
    expect(listed).toMatchObject({ id: job.id, status: "failed" });
    await expect(caller.workspaceExport.download({ tenantSlug: workspace.slug, exportId: job.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(access(localFile(exportObjectKey(workspace.id, job.id)))).rejects.toThrow();
  }, 90_000);
});
