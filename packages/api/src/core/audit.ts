import type { Prisma, TenantTx } from "@vigil/db";

export type AuditEntry = {
  tenantId: string;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  details?: Prisma.InputJsonObject;
  ipAddress?: string | null;
};

/**
 * Appends to the workspace's audit log inside the caller's transaction, so it commits with the change.
 * Written without RETURNING (createMany): a joint-visit partner appends to the host's log, which it
 * may not read (docs/decisions/0100-joint-visits.md).
 */
export async function recordAudit(tx: TenantTx, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.createMany({
    data: {
      tenantId: entry.tenantId,
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      details: entry.details ?? {},
      ipAddress: entry.ipAddress ?? null,
    },
  });
}
