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

/** What the workspace in `tx` may do now (row-level security restricts the read to it). */
export async function workspaceEntitlements(tx: TenantTx, now = new Date()): Promise<Entitlements> {
  const config = billingConfig();
  return entitlementsFor(config, config.enabled ? await billingRow(tx) : null, now);
}

/** The one place that makes a workspace read-only: called by tenantProcedure for every mutation. */
export async function refuseIfReadOnly(tx: TenantTx): Promise<void> {
  if ((await workspaceEntitlements(tx)).access === "readOnly") fail("FORBIDDEN", "billingErrors.workspaceReadOnly");
}

