import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { privilegedDb } from "@vigil/db/privileged";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportObjectKey } from "../attachments/workspace-files.ts";
import { objectStorage } from "../storage/settings.ts";
import { createTestUser, createTestWorkspace } from "../testing/index.ts";
import { jobSettled } from "../testing/jobs.ts";
import { DELETION_GRACE_MS } from "../workspaces/deletion.ts";
import { EXPORT_TTL_MS } from "../workspaces/export.ts";
import { PURGE_QUEUE, REMINDER_QUEUE, startJobs, type RunningJobs } from "./index.ts";

/**
 * The hourly purge, through the real queue: only this test file runs its worker. The purge works
 * across tenants, so other files' expired rows may go too; the assertions name only this file's.
 */
let dataDir: string;
let jobs: RunningJobs;
const logged: string[] = [];
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "vigil-purge-"));
  process.env.VIGIL_DATA_DIR = dataDir;
  jobs = await startJobs({ log: (message) => logged.push(message), schedules: false, workers: [PURGE_QUEUE] });
});
afterAll(async () => {
  await jobs.stop({ graceful: false, wait: true });
  delete process.env.VIGIL_DATA_DIR;
  await rm(dataDir, { recursive: true, force: true });
});

const exists = (file: string) => stat(file).then(() => true, () => false);

/** A workspace whose deletion was requested `ago` milliseconds ago, with an attachment on disk. */
async function deletedWorkspace(ago: number) {
  const workspace = await createTestWorkspace(await createTestUser());
  await privilegedDb().tenant.update({ where: { id: workspace.id }, data: { deletionRequestedAt: new Date(Date.now() - ago) } });
  const key = `attachments/${workspace.id}/${crypto.randomUUID()}`;
  await objectStorage().put(key, [Buffer.from("jpeg")]);
  const file = path.join(dataDir, key);
  return { workspace, file };
}

/** An export of a live workspace, finished `ago` milliseconds ago, with its ZIP on disk. */
async function finishedExport(ago: number) {
  const workspace = await createTestWorkspace(await createTestUser());
  const row = await privilegedDb().workspaceExport.create({
    data: { tenantId: workspace.id, status: "done", progress: 100, finishedAt: new Date(Date.now() - ago) },
    select: { id: true, tenantId: true },
  });
  const key = exportObjectKey(workspace.id, row.id);
  await objectStorage().put(key, [Buffer.from("PK")]);
  const file = path.join(dataDir, key);
  return { ...row, file };
}

async function purgeThroughQueue() {
  const id = await jobs.runNow(PURGE_QUEUE);
  expect(id).toEqual(expect.any(String));
  expect(await jobSettled(jobs.boss, PURGE_QUEUE, id!)).toBe("completed");
}

describe("the purge job", () => {
  it("removes workspaces past their grace period and expired exports, keeps the rest, and a second run changes nothing", async () => {
    const gone = await deletedWorkspace(DELETION_GRACE_MS + 60_000);
    const kept = await deletedWorkspace(24 * 60 * 60 * 1000);
    const expired = await finishedExport(EXPORT_TTL_MS + 60_000);
    const fresh = await finishedExport(60_000);

    await purgeThroughQueue();
    expect(await privilegedDb().tenant.count({ where: { id: gone.workspace.id } })).toBe(0);
    expect(await exists(gone.file)).toBe(false);
    expect(await privilegedDb().tenant.count({ where: { id: kept.workspace.id } })).toBe(1);
    expect(await exists(kept.file)).toBe(true);
    expect(await privilegedDb().workspaceExport.count({ where: { id: expired.id } })).toBe(0);
    expect(await exists(expired.file)).toBe(false);
    expect(await privilegedDb().workspaceExport.count({ where: { id: fresh.id } })).toBe(1);
    expect(await exists(fresh.file)).toBe(true);
    expect(logged.some((line) => /^Purged \d+ deleted workspace\(s\) and \d+ expired export\(s\)\.$/.test(line))).toBe(true);

    // Idempotent: a second purge (the hourly one after the one at start) finds nothing of these.
    await purgeThroughQueue();
    expect(await privilegedDb().tenant.count({ where: { id: kept.workspace.id } })).toBe(1);
    expect(await exists(kept.file)).toBe(true);
    expect(await privilegedDb().workspaceExport.count({ where: { id: fresh.id } })).toBe(1);
    expect(await exists(fresh.file)).toBe(true);
    expect(logged.filter((line) => line.includes("failed"))).toEqual([]);
  });

  it("the server's start schedules the purge hourly and the reminder daily, in UTC", async () => {
    // No worker here: this instance only registers the schedules, then they are removed again.
    const scheduling = await startJobs({ log: () => undefined, workers: [] });
    try {
      // pg-boss returns the table's rows; its types leave out the timezone column.
      const schedules = (await scheduling.boss.getSchedules()) as { name: string; cron: string; timezone: string }[];
      expect(schedules.map(({ name, cron, timezone }) => ({ name, cron, timezone }))).toEqual(
        expect.arrayContaining([
          { name: PURGE_QUEUE, cron: "0 * * * *", timezone: "UTC" },
          { name: REMINDER_QUEUE, cron: "0 6 * * *", timezone: "UTC" },
        ]),
      );
    } finally {
      await scheduling.boss.unschedule(PURGE_QUEUE);
      await scheduling.boss.unschedule(REMINDER_QUEUE);
      await scheduling.stop({ graceful: false, wait: true });
    }
  });
});
