import { appDb } from "./app-client.ts";
import type { MemberRole, Prisma } from "./generated/prisma/client.ts";

/** A transaction whose queries see one tenant's rows (and the signed-in user's own memberships). */
export type TenantTx = Prisma.TransactionClient;

export type Scope = {
  /** The tenant whose rows the transaction may touch; null for user-level work (no tenant rows). */
  tenantId: string | null;
  /** The signed-in user, for the policies that let users see their own memberships. */
  userId: string | null;
};

/**
 * Runs `work` in one interactive transaction that first sets `app.tenant_id` and `app.user_id`
 * with `set_config(..., true)`: local to the transaction, so a pooled connection never carries a
 * tenant into the next request. Every row-level-security policy reads these settings.
 */
export async function withScope<T>(scope: Scope, work: (tx: TenantTx) => Promise<T>): Promise<T> {
  return appDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('app.tenant_id', ${scope.tenantId ?? ""}, true), set_config('app.user_id', ${scope.userId ?? ""}, true)`;
    return work(tx);
  });
}

export function withTenant<T>(tenantId: string, userId: string | null, work: (tx: TenantTx) => Promise<T>): Promise<T> {
  return withScope({ tenantId, userId }, work);
}

/** The caller's membership of a workspace, with the workspace columns the procedure gates need. */
export type WorkspaceEntry = {
  membership: { id: string; role: MemberRole };
  tenant: { id: string; slug: string; name: string; countryCode: string; defaultLocale: string };
  requireTwoFactor: boolean;
  deletionRequestedAt: Date | null;
};

type EntryRow = {
  membership_id: string; role: MemberRole; tenant_id: string; slug: string; name: string; country_code: string;
  default_locale: string; require_two_factor: boolean; deletion_requested_at: Date | null;
};

/**
 * One transaction for a procedure inside a workspace, entered in ONE statement (the database
 * function enter_workspace, docs/decisions/0120): it sets the user, reads the caller's membership
 * of the workspace named by `slug` under the usual row-level security, and only when there is one
 * narrows the transaction to that tenant. `work` gets null for a non-member (the transaction then
 * sees no tenant rows) and must refuse; it also applies every other gate (deletion, role, 2FA).
 */
export async function withWorkspace<T>(
  userId: string,
  slug: string,
  work: (tx: TenantTx, entry: WorkspaceEntry | null) => Promise<T>,
  options: { timeoutMs?: number } = {},
): Promise<T> {
  return appDb().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<EntryRow[]>`SELECT membership_id, role::text AS role, tenant_id, slug, name, country_code::text AS country_code,
        default_locale, require_two_factor, deletion_requested_at FROM enter_workspace(${userId}::uuid, ${slug})`;
    const entry: WorkspaceEntry | null = row
      ? {
          membership: { id: row.membership_id, role: row.role },
          tenant: { id: row.tenant_id, slug: row.slug, name: row.name, countryCode: row.country_code, defaultLocale: row.default_locale },
          requireTwoFactor: row.require_two_factor,
          deletionRequestedAt: row.deletion_requested_at,
        }
      : null;
    return work(tx, entry);
  }, options.timeoutMs ? { timeout: options.timeoutMs } : undefined);
}
