import type { TenantTx } from "@vigil/db";
import { privilegedDb } from "@vigil/db/privileged";
import { fail } from "../core/errors.ts";
import type { Actor } from "../core/actor.ts";
import { recordAudit } from "../core/audit.ts";
import { attachmentsPrefix, exportsPrefix } from "../attachments/workspace-files.ts";
import { objectStorage } from "../storage/settings.ts";

/** A deleted workspace can be restored for this long; then its rows and files are removed for good. */
export const DELETION_GRACE_MS = 30 * 24 * 60 * 60 * 1000;

/** Schedules deletion; the owner confirms by typing the workspace's name exactly. */
export async function scheduleDeletion(tx: TenantTx, actor: Actor, workspaceName: string, typedName: string) {
  if (typedName.trim() !== workspaceName) fail("BAD_REQUEST", "securityErrors.deleteNameMismatch", {}, "confirmName");
  const requestedAt = new Date();
  await tx.tenant.update({ where: { id: actor.tenantId }, data: { deletionRequestedAt: requestedAt } });
  await recordAudit(tx, actor, { action: "workspace.deletionScheduled", targetType: "workspace", targetId: actor.tenantId });
  return { purgeAfter: new Date(requestedAt.getTime() + DELETION_GRACE_MS) };
}

export async function restoreWorkspace(tx: TenantTx, actor: Actor) {
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: actor.tenantId }, select: { deletionRequestedAt: true } });
  if (!tenant.deletionRequestedAt) fail("CONFLICT", "securityErrors.notScheduledForDeletion");
  await tx.tenant.update({ where: { id: actor.tenantId }, data: { deletionRequestedAt: null } });
  await recordAudit(tx, actor, { action: "workspace.restored", targetType: "workspace", targetId: actor.tenantId });
}

export async function deletionStatus(tx: TenantTx, tenantId: string) {
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { deletionRequestedAt: true } });
  return { purgeAfter: tenant.deletionRequestedAt ? new Date(tenant.deletionRequestedAt.getTime() + DELETION_GRACE_MS) : null };
}

/**
 * The background purge: every workspace whose grace period has ended loses its rows (the tenant row's
 * ON DELETE CASCADE reaches every tenant table) and its files. It runs across tenants, so it uses the
 * privileged handle, and it selects only by the deletion time.
 */
export async function purgeDeletedWorkspaces(now = new Date()): Promise<string[]> {
  const due = await privilegedDb().tenant.findMany({
    where: { deletionRequestedAt: { lte: new Date(now.getTime() - DELETION_GRACE_MS) } },
    select: { id: true },
  });
  for (const { id } of due) {
    await privilegedDb().tenant.deleteMany({ where: { id, deletionRequestedAt: { lte: new Date(now.getTime() - DELETION_GRACE_MS) } } });
    await objectStorage().removePrefix(attachmentsPrefix(id));
    await objectStorage().removePrefix(exportsPrefix(id));
  }
  return due.map(({ id }) => id);
}
