import { describe, expect, it } from "vitest";
import { loadBillingConfig } from "./config.ts";
import { DAY_MS, entitlementsFor, memberLimitAllows } from "./entitlements.ts";

const on = loadBillingConfig({ STRIPE_SECRET_KEY: "sk_test_x", STRIPE_PRICE_STANDARD: "price_std", BILLING_GRACE_DAYS: "14" });
const now = new Date("2026-12-01T12:00:00Z");

describe("entitlements", () => {
  it("give every workspace the whole product when billing is off", () => {
    const off = entitlementsFor(loadBillingConfig({}), { planKey: "standard", status: "canceled", paymentFailedAt: null }, now);
    expect(off).toMatchObject({ billingEnabled: false, access: "full", limits: { members: null }, features: ["jointVisits", "forums"] });
  });

  it("give the free plan before any subscription, and the subscribed plan while it is paid", () => {
    expect(entitlementsFor(on, null, now)).toMatchObject({ access: "full", plan: { key: "free" }, limits: { members: 5 } });
    expect(entitlementsFor(on, { planKey: "standard", status: "active", paymentFailedAt: null }, now)).toMatchObject({ access: "full", plan: { key: "standard" }, limits: { members: 30 } });
  });

  it("keep a workspace whose payment failed usable for the grace period, then read-only", () => {
    const failedAt = new Date(now.getTime() - 13 * DAY_MS);
    const inGrace = entitlementsFor(on, { planKey: "standard", status: "past_due", paymentFailedAt: failedAt }, now);
    expect(inGrace.access).toBe("grace");
    expect(inGrace.graceEndsAt).toEqual(new Date(failedAt.getTime() + 14 * DAY_MS));
    const later = new Date(now.getTime() + 2 * DAY_MS);
    expect(entitlementsFor(on, { planKey: "standard", status: "past_due", paymentFailedAt: failedAt }, later).access).toBe("readOnly");
    expect(entitlementsFor(on, { planKey: "standard", status: "unpaid", paymentFailedAt: failedAt }, later).access).toBe("readOnly");
  });

  it("give a plan an operator granted by hand full access, whatever the subscription says (decision 0231)", () => {
    const cancelled = { planKey: "standard", status: "canceled", paymentFailedAt: null };
    expect(entitlementsFor(on, cancelled, now, "standard")).toMatchObject({ access: "full", plan: { key: "standard" }, graceEndsAt: null });
    expect(entitlementsFor(on, null, now, "standard")).toMatchObject({ access: "full", plan: { key: "standard" }, limits: { members: 30 } });
    // A plan this installation no longer offers is ignored: the subscription decides again.
    expect(entitlementsFor(on, cancelled, now, "network").access).toBe("readOnly");
  });

  it("make a cancelled workspace read-only (never deleted)", () => {
    expect(entitlementsFor(on, { planKey: "standard", status: "canceled", paymentFailedAt: null }, now).access).toBe("readOnly");
  });

  it("enforce the member limit, counting members and pending invitations", () => {
    const free = entitlementsFor(on, null, now);
    expect(memberLimitAllows(free, 4)).toBe(true);
    expect(memberLimitAllows(free, 5)).toBe(false);
    expect(memberLimitAllows(entitlementsFor(loadBillingConfig({}), null, now), 10_000)).toBe(true);
  });
});
