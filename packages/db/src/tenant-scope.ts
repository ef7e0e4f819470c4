import { appDb } from "./app-client.ts";
import type { Prisma } from "./generated/prisma/client.ts";

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

/** Narrows an open transaction to one tenant (after its membership has been verified). */
export async function enterTenant(tx: TenantTx, tenantId: string): Promise<void> {
  await tx.$executeRaw`SELECT set_config('app.tenant_id', ${tenantId}, true)`;
}
