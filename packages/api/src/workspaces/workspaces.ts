import { randomUUID } from "node:crypto";
import { isUniqueViolation, withScope, withTenant, type TenantTx } from "@vigil/db";
import type { Locale } from "@vigil/i18n";
import { fail } from "../core/errors.ts";
import { recordAudit } from "../core/audit.ts";

export type NewWorkspace = { name: string; slug: string; countryCode: string; defaultLocale: Locale; ownerId: string; ipAddress?: string | null };

/** A new workspace with its first owner. The tenant id is chosen here so the insert passes row-level security. */
export async function createWorkspace(input: NewWorkspace) {
  const tenantId = randomUUID();
  try {
    return await withTenant(tenantId, input.ownerId, async (tx) => {
      const tenant = await tx.tenant.create({
        data: { id: tenantId, slug: input.slug, name: input.name, countryCode: input.countryCode, defaultLocale: input.defaultLocale },
        select: { id: true, slug: true, name: true },
      });
      await tx.membership.create({ data: { tenantId, userId: input.ownerId, role: "owner" } });
      await recordAudit(tx, { tenantId, userId: input.ownerId, ipAddress: input.ipAddress ?? null }, { action: "workspace.created", targetType: "tenant", targetId: tenantId });
      return tenant;
    });
  } catch (error) {
    if (isUniqueViolation(error)) fail("CONFLICT", "errors.slugTaken", {}, "workspaceSlug");
    throw error;
  }
}

/** The workspaces a user belongs to, for the switcher. */
export function listUserWorkspaces(userId: string) {
  return withScope({ tenantId: null, userId }, (tx) => userWorkspaces(tx, userId));
}

async function userWorkspaces(tx: TenantTx, userId: string) {
  // A workspace awaiting deletion is listed only for its owners, who may still restore it.
  const memberships = await tx.membership.findMany({
    where: { userId, OR: [{ tenant: { deletionRequestedAt: null } }, { role: "owner" }] },
    select: { role: true, tenant: { select: { id: true, slug: true, name: true, countryCode: true, defaultLocale: true } } },
    orderBy: { tenant: { name: "asc" } },
  });
  return memberships.map((membership) => ({ ...membership.tenant, role: membership.role }));
}
