import { privilegedDb } from "@vigil/db/privileged";
import { recordSystemAudit } from "../core/audit.ts";

/**
 * Verified workspaces (docs/decisions/0155-verified-workspaces.md). A platform operator, not a member,
 * marks a workspace as the verified NPM of its country, after checking it outside Vigil (the OPCAT
 * NPM list, a call to the institution). Run by `pnpm platform:verify` through the privileged handle:
 * the application role cannot set the columns (a trigger refuses it), so no procedure can either.
 */

/** How the audit log names who did it: there is no user behind the command. */
export const PLATFORM_OPERATOR = "platform operator";

export type VerificationChange = { slug: string; revoke?: boolean; note?: string | null; now?: Date };
export type VerificationResult = { tenantId: string; slug: string; name: string; countryCode: string; verifiedAt: Date | null; changed: boolean };

export class UnknownWorkspaceError extends Error {
  constructor(slug: string) {
    super(`No workspace has the slug "${slug}".`);
  }
}

/** Verifies (or with `revoke` un-verifies) the workspace, audited in its own log; a no-op when nothing changes. */
export async function setWorkspaceVerification(change: VerificationChange): Promise<VerificationResult> {
  return privilegedDb().$transaction(async (tx) => {
    const tenant = await tx.tenant.findUnique({ where: { slug: change.slug }, select: { id: true, slug: true, name: true, countryCode: true, verifiedAt: true } });
    if (!tenant) throw new UnknownWorkspaceError(change.slug);
    const verify = !change.revoke;
    if (verify === (tenant.verifiedAt !== null)) return { tenantId: tenant.id, slug: tenant.slug, name: tenant.name, countryCode: tenant.countryCode, verifiedAt: tenant.verifiedAt, changed: false };
    const verifiedAt = verify ? (change.now ?? new Date()) : null;
    const note = change.note?.trim() || null;
    await tx.tenant.update({ where: { id: tenant.id }, data: { verifiedAt, verificationNote: verify ? note : null }, select: { id: true } });
    await recordSystemAudit(tx, tenant.id, {
      action: verify ? "workspace.verified" : "workspace.verificationRevoked", targetType: "workspace", targetId: tenant.id,
      details: { actor: PLATFORM_OPERATOR, countryCode: tenant.countryCode, note },
    });
    return { tenantId: tenant.id, slug: tenant.slug, name: tenant.name, countryCode: tenant.countryCode, verifiedAt, changed: true };
  });
}
