import type { BillingConfig } from "./config.ts";
import { FEATURES, freePlan, type Feature, type Plan } from "./plans.ts";

/** What the database keeps of a workspace's subscription (written from Stripe's state by webhooks). */
export type WorkspaceBillingState = {
  planKey: string | null;
  status: string | null;
  paymentFailedAt: Date | null;
};

/**
 * - `full`: everything works.
 * - `grace`: a payment failed; everything works until `graceEndsAt`, and owners see a banner.
 * - `readOnly`: nothing can be changed; everything can still be read and exported. Billing never deletes data.
 */
export type Access = "full" | "grace" | "readOnly";

export type Entitlements = {
  billingEnabled: boolean;
  plan: Plan | null;
  access: Access;
  graceEndsAt: Date | null;
  limits: Plan["limits"];
  features: Feature[];
};

const UNLIMITED: Entitlements = {
  billingEnabled: false, plan: null, access: "full", graceEndsAt: null, limits: { members: null, attachmentStorageMb: null }, features: [...FEATURES],
};

const PAYING = new Set(["active", "trialing"]);
const PAYMENT_FAILED = new Set(["past_due", "unpaid"]);
// A subscription that has ended (or was paused because a trial ended unpaid): the workspace keeps its data, read-only.
const ENDED = new Set(["canceled", "incomplete_expired", "paused"]);

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The one rule for what a workspace may do, from its billing state. Pure, so it is tested without a database.
 * A plan a platform operator granted by hand (`planOverride`, decision 0231) takes the subscription's
 * place with full access, whatever Stripe says; an unknown key (a plan since removed) is ignored.
 */
export function entitlementsFor(config: BillingConfig, state: WorkspaceBillingState | null, now: Date = new Date(), planOverride: string | null = null): Entitlements {
  if (!config.enabled) return UNLIMITED;
  const granted = planOverride ? config.plans.find((plan) => plan.key === planOverride) : undefined;
  if (granted) return { billingEnabled: true, graceEndsAt: null, plan: granted, access: "full", limits: granted.limits, features: granted.features };
  const subscribed = state?.planKey ? config.plans.find((plan) => plan.key === state.planKey) : undefined;
  const base = { billingEnabled: true, graceEndsAt: null };
  const status = state?.status ?? null;
  if (!state || !status || status === "incomplete" || !subscribed) {
    // Never subscribed (or the first payment is still pending): the free plan.
    const free = freePlan(config.plans);
    return { ...base, plan: free, access: "full", limits: free.limits, features: free.features };
  }
  const planned = { ...base, plan: subscribed, limits: subscribed.limits, features: subscribed.features };
  if (PAYING.has(status)) return { ...planned, access: "full" };
  if (ENDED.has(status)) return { ...planned, access: "readOnly" };
  if (PAYMENT_FAILED.has(status)) {
    const failedAt = state.paymentFailedAt ?? now;
    const graceEndsAt = new Date(failedAt.getTime() + config.graceDays * DAY_MS);
    return { ...planned, access: now < graceEndsAt ? "grace" : "readOnly", graceEndsAt };
  }
  // A status Stripe adds later: keep the workspace usable rather than lock people out by surprise.
  return { ...planned, access: "full" };
}

/** Whether one more member fits: `current` counts members and pending invitations. */
export function memberLimitAllows(entitlements: Entitlements, current: number): boolean {
  return entitlements.limits.members === null || current < entitlements.limits.members;
}
