import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { withTenant } from "@vigil/db";
import { privilegedDb } from "@vigil/db/privileged";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "../core/audit.ts";
import { DELETION_GRACE_MS, purgeDeletedWorkspaces } from "./deletion.ts";
import { objectStorage } from "../storage/settings.ts";
import { addMember, callerFor, createTestUser, createTestWorkspace, TEST_PASSWORD } from "../testing/index.ts";

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "vigil-deletion-"));
  process.env.VIGIL_DATA_DIR = dataDir;
});
afterAll(async () => {
  delete process.env.VIGIL_DATA_DIR;
  await rm(dataDir, { recursive: true, force: true });
});

const exists = (file: string) => stat(file).then(() => true, () => false);

async function workspaceWithData() {
  const owner = await createTestUser();
  const workspace = await createTestWorkspace(owner);
  const monitor = await createTestUser();
  await addMember(workspace.id, monitor, "monitor");
  await withTenant(workspace.id, null, (tx) => recordAudit(tx, { tenantId: workspace.id, userId: owner.id, ipAddress: null }, { action: "place.created", targetType: "place" }));
  const key = `attachments/${workspace.id}/${crypto.randomUUID()}`;
  await objectStorage().put(key, [Buffer.from("jpeg")]);
  const file = path.join(dataDir, key);
  return { owner, workspace, file };
}

const rowsOf = async (tenantId: string) => ({
  memberships: await privilegedDb().membership.count({ where: { tenantId } }),
  audit: await privilegedDb().auditEvent.count({ where: { tenantId } }),
  tenant: await privilegedDb().tenant.count({ where: { id: tenantId } }),
});

describe("workspace deletion", () => {
  it("needs the workspace's exact name, and a restore within the grace period brings everything back", async () => {
    const { owner, workspace, file } = await workspaceWithData();
    const { caller } = await callerFor(owner);
    await expect(caller.workspaceDeletion.schedule({ tenantSlug: workspace.slug, confirmName: "wrong", reauthentication: TEST_PASSWORD })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const before = await rowsOf(workspace.id);
    const current = await caller.workspaces.current({ tenantSlug: workspace.slug });
    const { purgeAfter } = await caller.workspaceDeletion.schedule({ tenantSlug: workspace.slug, confirmName: current.name, reauthentication: TEST_PASSWORD });
    expect(purgeAfter.getTime() - Date.now()).toBeGreaterThan(DELETION_GRACE_MS - 60_000);

    // 29 days later the purge leaves it alone.
    expect(await purgeDeletedWorkspaces(new Date(Date.now() + 29 * 24 * 3600 * 1000))).not.toContain(workspace.id);
    await caller.workspaceDeletion.restore({ tenantSlug: workspace.slug });
    expect(await caller.workspaceDeletion.status({ tenantSlug: workspace.slug })).toEqual({ purgeAfter: null });
    const after = await rowsOf(workspace.id);
    expect(after).toEqual({ ...before, audit: before.audit + 2 });
    expect(await exists(file)).toBe(true);
    // Restored, it is never purged.
    expect(await purgeDeletedWorkspaces(new Date(Date.now() + 60 * 24 * 3600 * 1000))).not.toContain(workspace.id);
  });

  it("while it awaits deletion, the workspace is gone for members; owners can only restore or export it", async () => {
    const owner = await createTestUser();
    const workspace = await createTestWorkspace(owner);
    const monitor = await createTestUser();
    await addMember(workspace.id, monitor, "monitor");
    const asOwner = (await callerFor(owner)).caller;
    const asMonitor = (await callerFor(monitor)).caller;
    const current = await asOwner.workspaces.current({ tenantSlug: workspace.slug });
    await asOwner.workspaceDeletion.schedule({ tenantSlug: workspace.slug, confirmName: current.name, reauthentication: TEST_PASSWORD });

    await expect(asMonitor.members.list({ tenantSlug: workspace.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(asMonitor.workspaces.current({ tenantSlug: workspace.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await asMonitor.workspaces.mine()).some((w) => w.slug === workspace.slug)).toBe(false);

    await expect(asOwner.members.list({ tenantSlug: workspace.slug })).rejects.toMatchObject({ code: "FORBIDDEN", message: "securityErrors.deletionPending" });
    await expect(asOwner.places.create({ tenantSlug: workspace.slug, name: "New place", type: "prison" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await asOwner.workspaces.mine()).some((w) => w.slug === workspace.slug)).toBe(true);
    expect((await asOwner.workspaceDeletion.status({ tenantSlug: workspace.slug })).purgeAfter).not.toBeNull();
    await asOwner.workspaceExport.list({ tenantSlug: workspace.slug });

    await asOwner.workspaceDeletion.restore({ tenantSlug: workspace.slug });
    expect(await asMonitor.members.list({ tenantSlug: workspace.slug })).toHaveLength(2);
  });

  it("after the grace period, removes the workspace's rows and files, and nothing of another", async () => {
    const { owner, workspace, file } = await workspaceWithData();
    const bystander = await workspaceWithData();
    const current = await (await callerFor(owner)).caller.workspaces.current({ tenantSlug: workspace.slug });
    await (await callerFor(owner)).caller.workspaceDeletion.schedule({ tenantSlug: workspace.slug, confirmName: current.name, reauthentication: TEST_PASSWORD });

    const purged = await purgeDeletedWorkspaces(new Date(Date.now() + DELETION_GRACE_MS + 60_000));
    expect(purged).toContain(workspace.id);
    expect(await rowsOf(workspace.id)).toEqual({ memberships: 0, audit: 0, tenant: 0 });
    expect(await exists(file)).toBe(false);
    // The owner's account remains; only the workspace is gone.
    expect(await privilegedDb().user.count({ where: { id: owner.id } })).toBe(1);
    expect((await rowsOf(bystander.workspace.id)).tenant).toBe(1);
    expect(await exists(bystander.file)).toBe(true);
  });
});
