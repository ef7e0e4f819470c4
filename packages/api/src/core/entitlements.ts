import { entitlementsFor, loadBillingConfig, type Entitlements } from "@vigil/billing";
import type { TenantTx } from "@vigil/db";
import { fail } from "./errors.ts";

// What a workspace's plan allows, read by the gate every tenant procedure passes (trpc.ts) and by
// the billing domain. It lives in core so that core imports no domain.

/** Read on every call (it is cheap), so a changed environment, or a test, takes effect at once. */
export const billingConfig = () => loadBillingConfig(process.env);

/** The workspace's billing row (row-level security restricts the read to the workspace in `tx`). */
export function billingRow(tx: TenantTx) {
  return tx.workspaceBilling.findFirst({
    select: { stripeCustomerId: true, planKey: true, status: true, currentPeriodEnd: true, cancelAtPeriodEnd: true, paymentFailedAt: true },
  });
}

/**
 * What the workspace in `tx` may do now (row-level security restricts the read to it). A caller that
 * has read the platform state already passes it, and the tenant row is read once.
 */
export async function workspaceEntitlements(tx: TenantTx, now = new Date(), known?: PlatformState | null): Promise<Entitlements> {
  const config = billingConfig();
  if (!config.enabled) return entitlementsFor(config, null, now);
  const [row, platform] = await Promise.all([billingRow(tx), known === undefined ? platformState(tx) : known]);
  return entitlementsFor(config, row, now, platform?.planOverride ?? null);
}

export type PlatformState = { suspendedAt: Date | null; suspensionReason: string | null; planOverride: string | null };

/**
 * What a platform operator set on the workspace in `tx` (decision 0231): a suspension and its
 * reason, a plan override. Only the owner role writes these columns (a trigger refuses the app).
 */
export async function platformState(tx: TenantTx): Promise<PlatformState | null> {
  const rows = await tx.$queryRaw<{ suspended_at: Date | null; suspension_reason: string | null; plan_override: string | null }[]>`
    SELECT suspended_at, suspension_reason, plan_override FROM tenants WHERE id = (SELECT current_tenant_id())`;
  const row = rows[0];
  return row ? { suspendedAt: row.suspended_at, suspensionReason: row.suspension_reason, planOverride: row.plan_override } : null;
}

/** The error key of every change refused while a platform operator has suspended the workspace. */
export const WORKSPACE_SUSPENDED = "platformErrors.workspaceSuspended";

/**
 * The one place that makes a workspace read-only: called by tenantProcedure for every mutation.
 * A suspension by a platform operator first (whatever the plan), then billing's read-only state.
 */
export async function refuseIfReadOnly(tx: TenantTx): Promise<void> {
  const platform = await platformState(tx);
  if (platform?.suspendedAt) fail("FORBIDDEN", WORKSPACE_SUSPENDED);
  const config = billingConfig();
  if (!config.enabled) return;
  if (entitlementsFor(config, await billingRow(tx), new Date(), platform?.planOverride ?? null).access === "readOnly") fail("FORBIDDEN", "billingErrors.workspaceReadOnly");
}

