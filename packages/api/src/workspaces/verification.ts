import { privilegedDb } from "@vigil/db/privileged";
import { COMMAND_LINE_OPERATOR, recordOperatorAction, type PlatformOperator } from "../platform/audit.ts";

/**
 * Verified workspaces (docs/decisions/0155-verified-workspaces.md). A platform operator, not a member,
 * marks a workspace as the verified NPM of its country, after checking it outside Vigil (the OPCAT
 * NPM list, a call to the institution). Run by `pnpm platform:verify` through the privileged handle:
 * the application role cannot set the columns (a trigger refuses it), so no procedure can either.
 */

/** `operator`: who, for both audit logs; the command line when not given (decision 0231). */
export type VerificationChange = { slug: string; revoke?: boolean; note?: string | null; now?: Date; operator?: PlatformOperator };
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
    await recordOperatorAction(tx, change.operator ?? COMMAND_LINE_OPERATOR, tenant, verify ? "workspace.verified" : "workspace.verificationRevoked", { countryCode: tenant.countryCode, note });
    return { tenantId: tenant.id, slug: tenant.slug, name: tenant.name, countryCode: tenant.countryCode, verifiedAt, changed: true };
  });
}
