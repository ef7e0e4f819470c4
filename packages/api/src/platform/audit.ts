import type { Prisma, TenantTx } from "@vigil/db";
import { recordSystemAudit, type AuditAction } from "../core/audit.ts";

/**
 * Who did it, for both logs: a signed-in operator (the console), or the command line, which has no
 * user behind it (`pnpm platform:verify`).
 */
export type PlatformOperator = { userId: string | null; email: string; ipAddress: string | null };

/** How a workspace's audit log names who did it (with the operator's address beside it). */
export const PLATFORM_OPERATOR = "platform operator";

/** How the logs name an action taken at the command line. */
export const COMMAND_LINE_OPERATOR: PlatformOperator = { userId: null, email: "command line", ipAddress: null };

/**
 * Every operator action goes to the platform audit log AND to the workspace's own audit log, in the
 * caller's transaction (the privileged handle's), so the NPM sees what the operator did and neither
 * log can have a row the other lacks (decision 0231).
 */
export async function recordOperatorAction(
  tx: TenantTx,
  operator: PlatformOperator,
  workspace: { id: string; slug: string },
  action: AuditAction,
  details: Prisma.InputJsonObject = {},
): Promise<void> {
  await recordSystemAudit(tx, workspace.id, {
    action, targetType: "workspace", targetId: workspace.id,
    details: { actor: PLATFORM_OPERATOR, operator: operator.email, ...details },
  });
  await tx.platformAuditEvent.create({
    data: { operatorId: operator.userId, operatorEmail: operator.email, action, workspaceId: workspace.id, workspaceSlug: workspace.slug, details, ipAddress: operator.ipAddress },
    select: { id: true },
  });
}
