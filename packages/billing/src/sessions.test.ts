import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBillingConfig, type EnabledBillingConfig } from "./config.ts";
import { freePlan } from "./plans.ts";
import { createCheckoutSession, createCustomer, createPortalSession, listInvoices } from "./sessions.ts";
import { startFakeStripe, type FakeStripe } from "./testing/fake-stripe.ts";
import { readSubscription } from "./webhook.ts";

let fake: FakeStripe;
let config: EnabledBillingConfig;

beforeAll(async () => {
  fake = await startFakeStripe();
  config = loadBillingConfig({ STRIPE_SECRET_KEY: "sk_test_sessions", STRIPE_API_BASE: fake.url, STRIPE_PRICE_STANDARD: "price_std" }) as EnabledBillingConfig;
});
afterAll(() => fake.close());

describe("Stripe sessions, through the SDK pointed at the local fake", () => {
  it("creates a customer and a subscription Checkout session for the plan's price", async () => {
    const customerId = await createCustomer(config, { tenantId: "tenant-1", workspaceName: "NPM Test", email: "owner@example.org" });
    const plan = config.plans.find((p) => p.key === "standard")!;
    const url = await createCheckoutSession(config, { customerId, tenantId: "tenant-1", plan, successUrl: "http://app/ok", cancelUrl: "http://app/no", locale: "uk" });
    expect(url).toMatch(new RegExp(`^${fake.url}/checkout/cs_test_`));
    const sent = fake.requests.find((request) => request.path === "/v1/checkout/sessions")!;
    expect(sent.form).toMatchObject({
      mode: "subscription", customer: customerId, client_reference_id: "tenant-1", "line_items[0][price]": "price_std", success_url: "http://app/ok", locale: "auto",
    });
    expect(fake.customers.get(customerId)?.metadata).toEqual({ tenantId: "tenant-1" });
  });

  it("refuses to check out the free plan, which has no price", async () => {
    await expect(createCheckoutSession(config, { customerId: "cus_x", tenantId: "t", plan: freePlan(config.plans), successUrl: "", cancelUrl: "", locale: "en" })).rejects.toThrow(/no price/);
  });

  it("creates a Customer Portal session that returns to the billing page", async () => {
    const url = await createPortalSession(config, { customerId: "cus_portal", returnUrl: "http://app/t/x/billing", locale: "en" });
    expect(url).toContain(`${fake.url}/portal/bps_`);
    expect(fake.requests.at(-1)?.form).toMatchObject({ customer: "cus_portal", return_url: "http://app/t/x/billing" });
  });

  it("reads a subscription's period end from its items, and lists invoices", async () => {
    const customerId = await createCustomer(config, { tenantId: "tenant-2", workspaceName: "NPM Two", email: "o@example.org" });
    const session = [...fake.sessions.values()][0]!;
    const subscription = await fake.completeCheckout({ ...session, customer: customerId });
    const snapshot = await readSubscription(config, subscription.id);
    expect(snapshot).toMatchObject({ id: subscription.id, customerId, status: "active", priceId: "price_std", cancelAtPeriodEnd: false });
    expect(snapshot.currentPeriodEnd?.getTime()).toBe(subscription.items.data[0]!.current_period_end * 1000);
    const invoices = await listInvoices(config, customerId);
    expect(invoices).toHaveLength(1);
    expect(invoices[0]).toMatchObject({ amountCents: 9900, currency: "eur", status: "paid" });
    expect(invoices[0]!.url).toMatch(/^http:\/\/127\.0\.0\.1/);
  });
});
