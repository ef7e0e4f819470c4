import {
  createCheckoutSession, createCustomer, createPortalSession, listInvoices, memberLimitAllows,
  type EnabledBillingConfig, type InvoiceSummary,
} from "@vigil/billing";
import type { TenantTx } from "@vigil/db";
import { billingConfig, billingRow, platformState, workspaceEntitlements } from "../core/entitlements.ts";
import { fail } from "../core/errors.ts";
import type { Logger } from "../core/logger.ts";
import { recordAudit } from "../core/audit.ts";
import type { Actor } from "../core/actor.ts";

function enabledConfig(): EnabledBillingConfig {
  const config = billingConfig();
  if (!config.enabled) fail("NOT_FOUND", "billingErrors.billingOff");
  return config;
}

/** Members and pending invitations both take a seat, so that accepting invitations cannot exceed the plan. */
async function seatsUsed(tx: TenantTx, now = new Date()): Promise<number> {
  // One after another: a transaction's one connection cannot run queries side by side.
  const members = await tx.membership.count();
  const pending = await tx.invitation.count({ where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: now } } });
  return members + pending;
}

export async function assertMemberLimit(tx: TenantTx): Promise<void> {
  // Two admins inviting at once must not both take the last seat: invitations queue on the workspace row.
  await tx.$queryRaw`SELECT 1 FROM tenants WHERE id = (SELECT current_tenant_id()) FOR UPDATE`;
  const entitlements = await workspaceEntitlements(tx);
  if (!memberLimitAllows(entitlements, await seatsUsed(tx))) {
    fail("FORBIDDEN", "billingErrors.memberLimitReached", { count: entitlements.limits.members ?? 0 }, "email");
  }
}

/**
 * Billing state every member may see: the banner and the members page's limit notice. A platform
 * operator's suspension (decision 0231) is told to every member; its reason only to owners.
 */
export async function billingStatus(tx: TenantTx, viewerIsOwner = false) {
  const platform = await platformState(tx);
  const entitlements = await workspaceEntitlements(tx, new Date(), platform);
  return {
    suspended: Boolean(platform?.suspendedAt),
    suspensionReason: viewerIsOwner ? (platform?.suspensionReason ?? null) : null,
    billingEnabled: entitlements.billingEnabled,
    access: entitlements.access,
    graceEndsAt: entitlements.graceEndsAt,
    planName: entitlements.plan?.name ?? null,
    memberLimit: entitlements.limits.members,
    seatsUsed: await seatsUsed(tx),
  };
}

/** The owners' billing page. Invoices are read live from Stripe; if Stripe cannot be reached the page still shows the rest. */
export async function billingOverview(tx: TenantTx, log: Logger) {
  const config = billingConfig();
  const status = await billingStatus(tx);
  if (!config.enabled) return { ...status, billingEnabled: false as const };
  const row = await billingRow(tx);
  let invoices: InvoiceSummary[] | null = [];
  if (row?.stripeCustomerId) {
    invoices = await listInvoices(config, row.stripeCustomerId).catch((error: unknown) => {
      log.warn({ err: error }, "could not list Stripe invoices");
      return null;
    });
  }
  const offered = config.plans.filter((plan) => plan.priceId !== null).map(({ key, name, limits, features }) => ({ key, name, limits, features }));
  return {
    ...status,
    billingEnabled: true as const,
    status: row?.status ?? null,
    currentPeriodEnd: row?.currentPeriodEnd ?? null,
    cancelAtPeriodEnd: row?.cancelAtPeriodEnd ?? false,
    hasCustomer: Boolean(row),
    plans: offered,
    invoices,
  };
}

export type CheckoutRequest = { planKey: string; billingUrl: string; email: string; workspaceName: string; locale: string };

/**
 * Starts a subscription through Stripe Checkout. The workspace's Stripe customer is created first (and
 * remembered), so every later webhook names a customer Vigil already knows.
 */
export async function startCheckout(tx: TenantTx, actor: Actor, request: CheckoutRequest): Promise<string> {
  const config = enabledConfig();
  const plan = config.plans.find((candidate) => candidate.key === request.planKey && candidate.priceId !== null);
  if (!plan) fail("BAD_REQUEST", "billingErrors.unknownPlan", {}, "planKey");
  const row = await billingRow(tx);
  let customerId = row?.stripeCustomerId;
  if (!customerId) {
    customerId = await createCustomer(config, { tenantId: actor.tenantId, workspaceName: request.workspaceName, email: request.email });
    await tx.workspaceBilling.create({ data: { tenantId: actor.tenantId, stripeCustomerId: customerId } });
  }
  const url = await createCheckoutSession(config, {
    customerId, tenantId: actor.tenantId, plan, locale: request.locale,
    successUrl: `${request.billingUrl}?checkout=success`, cancelUrl: `${request.billingUrl}?checkout=cancelled`,
  });
  await recordAudit(tx, actor, { action: "billing.checkoutStarted", targetType: "workspace_billing", targetId: actor.tenantId, details: { plan: plan.key } });
  return url;
}

/** The Stripe Customer Portal, for the payment method, invoices and cancelling. */
export async function openPortal(tx: TenantTx, actor: Actor, request: { billingUrl: string; locale: string }): Promise<string> {
  const config = enabledConfig();
  const row = await billingRow(tx);
  if (!row) fail("BAD_REQUEST", "billingErrors.noSubscription");
  const url = await createPortalSession(config, { customerId: row.stripeCustomerId, returnUrl: request.billingUrl, locale: request.locale });
  await recordAudit(tx, actor, { action: "billing.portalOpened", targetType: "workspace_billing", targetId: actor.tenantId });
  return url;
}
