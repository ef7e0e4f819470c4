import { loadPlans, type Plan } from "./plans.ts";

export type BillingConfig =
  | { enabled: false }
  | {
      enabled: true;
      secretKey: string;
      /** `whsec_...`: verifies webhook signatures; without it every webhook is refused. */
      webhookSecret: string | null;
      /** Where the SDK sends its requests: Stripe itself unless `STRIPE_API_BASE` names another server (a local fake in tests). */
      apiBase: URL | null;
      graceDays: number;
      plans: Plan[];
    };

export const DEFAULT_GRACE_DAYS = 14;

/**
 * Billing is on only when `STRIPE_SECRET_KEY` is set. Without it every workspace has the whole
 * product: Vigil must run (and the demo does) with no Stripe account at all.
 */
export function loadBillingConfig(env: Record<string, string | undefined> = process.env): BillingConfig {
  const secretKey = env.STRIPE_SECRET_KEY?.trim();
  if (!secretKey) return { enabled: false };
  const graceDays = env.BILLING_GRACE_DAYS === undefined ? DEFAULT_GRACE_DAYS : Number(env.BILLING_GRACE_DAYS);
  if (!Number.isInteger(graceDays) || graceDays < 0) throw new Error("BILLING_GRACE_DAYS must be a whole number of days");
  return {
    enabled: true,
    secretKey,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET?.trim() || null,
    apiBase: env.STRIPE_API_BASE ? new URL(env.STRIPE_API_BASE) : null,
    graceDays,
    plans: loadPlans(env),
  };
}

export type EnabledBillingConfig = Extract<BillingConfig, { enabled: true }>;
