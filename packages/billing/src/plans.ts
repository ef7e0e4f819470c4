import { z } from "zod";

/** What a plan allows. `null` means no limit. Features name parts of the product a plan may leave out. */
export const FEATURES = ["jointVisits", "forums"] as const;
export type Feature = (typeof FEATURES)[number];

const planSchema = z.object({
  /** Stable identifier stored with the workspace (e.g. "standard"). */
  key: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
  name: z.string().min(1).max(80),
  /** The Stripe price a subscription to this plan uses; null for the plan a workspace has before subscribing. */
  priceId: z.string().min(1).nullable(),
  limits: z.object({
    members: z.number().int().positive().nullable(),
    attachmentStorageMb: z.number().int().positive().nullable(),
  }),
  features: z.array(z.enum(FEATURES)),
});

export type Plan = z.infer<typeof planSchema>;

const plansSchema = z
  .array(planSchema)
  .min(1)
  .refine((plans) => plans.filter((plan) => plan.priceId === null).length === 1, "exactly one plan without a price (the free plan)")
  .refine((plans) => new Set(plans.map((plan) => plan.key)).size === plans.length, "plan keys must be unique");

/**
 * The plans: `STRIPE_PLANS` (a JSON array) when set, otherwise the default list below, whose paid
 * plans are offered only when their price id is configured (`STRIPE_PRICE_STANDARD`, `STRIPE_PRICE_NETWORK`).
 */
export function loadPlans(env: Record<string, string | undefined>): Plan[] {
  if (env.STRIPE_PLANS) return plansSchema.parse(JSON.parse(env.STRIPE_PLANS));
  const plans: Plan[] = [
    { key: "free", name: "Free", priceId: null, limits: { members: 5, attachmentStorageMb: 1024 }, features: [] },
    { key: "standard", name: "Standard", priceId: env.STRIPE_PRICE_STANDARD ?? "", limits: { members: 30, attachmentStorageMb: 50 * 1024 }, features: ["jointVisits"] },
    { key: "network", name: "Network", priceId: env.STRIPE_PRICE_NETWORK ?? "", limits: { members: null, attachmentStorageMb: 500 * 1024 }, features: ["jointVisits", "forums"] },
  ];
  return plansSchema.parse(plans.filter((plan) => plan.priceId !== ""));
}

/** The plan a price belongs to; undefined for a price this installation does not know. */
export function planForPrice(plans: Plan[], priceId: string | null | undefined): Plan | undefined {
  return priceId ? plans.find((plan) => plan.priceId === priceId) : undefined;
}

export function freePlan(plans: Plan[]): Plan {
  return plans.find((plan) => plan.priceId === null)!;
}
