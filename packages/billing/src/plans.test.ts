import { describe, expect, it } from "vitest";
import { loadBillingConfig } from "./config.ts";
import { loadPlans, planForPrice } from "./plans.ts";

describe("plans", () => {
  it("offer a paid default plan only when its price id is configured", () => {
    expect(loadPlans({}).map((plan) => plan.key)).toEqual(["free"]);
    const plans = loadPlans({ STRIPE_PRICE_STANDARD: "price_std", STRIPE_PRICE_NETWORK: "price_net" });
    expect(plans.map((plan) => plan.key)).toEqual(["free", "standard", "network"]);
    expect(planForPrice(plans, "price_net")?.features).toEqual(["jointVisits", "forums"]);
    expect(planForPrice(plans, "price_unknown")).toBeUndefined();
  });

  it("can be replaced by STRIPE_PLANS, which is validated", () => {
    const custom = [
      { key: "starter", name: "Starter", priceId: null, limits: { members: 2, attachmentStorageMb: 100 }, features: [] },
      { key: "pro", name: "Pro", priceId: "price_pro", limits: { members: null, attachmentStorageMb: null }, features: ["forums"] },
    ];
    expect(loadPlans({ STRIPE_PLANS: JSON.stringify(custom) })).toEqual(custom);
    expect(() => loadPlans({ STRIPE_PLANS: JSON.stringify(custom.slice(1)) })).toThrow(/free plan/);
  });

  it("turn billing on only with a secret key", () => {
    expect(loadBillingConfig({ STRIPE_PRICE_STANDARD: "price_std" }).enabled).toBe(false);
    expect(loadBillingConfig({ STRIPE_SECRET_KEY: " " }).enabled).toBe(false);
    const on = loadBillingConfig({ STRIPE_SECRET_KEY: "sk_test_x", STRIPE_API_BASE: "http://127.0.0.1:12111" });
    expect(on).toMatchObject({ enabled: true, graceDays: 14, webhookSecret: null });
  });
});
