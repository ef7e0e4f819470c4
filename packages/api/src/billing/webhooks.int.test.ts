import { newInvoice } from "@vigil/billing/testing";
import { privilegedDb } from "@vigil/db/privileged";
import { describe, expect, it } from "vitest";
import { deliver, signedEvent, useFakeStripe } from "../testing/billing.ts";
import { callerFor, createTestUser, createTestWorkspace } from "../testing/index.ts";

const stripe = useFakeStripe();

/** A workspace whose owner has opened Checkout (so its Stripe customer exists) and a subscription in the fake. */
async function subscribedWorkspace(status = "active") {
  const owner = await createTestUser();
  const workspace = await createTestWorkspace(owner);
  const { caller } = await callerFor(owner);
  await caller.billing.startCheckout({ tenantSlug: workspace.slug, planKey: "standard" });
  const billing = await privilegedDb().workspaceBilling.findUniqueOrThrow({ where: { tenantId: workspace.id } });
  const subscription = stripe.fake().addSubscription(billing.stripeCustomerId, "price_standard", status);
  return { owner, workspace, caller, customerId: billing.stripeCustomerId, subscription };
}

const stored = (tenantId: string) => privilegedDb().workspaceBilling.findUniqueOrThrow({ where: { tenantId } });
const subscriptionReads = (id: string) => stripe.fake().requests.filter((r) => r.method === "GET" && r.path === `/v1/subscriptions/${id}`).length;

describe("Stripe webhooks", () => {
  it("a completed Checkout activates the plan, read from Stripe, and the billing page shows it", async () => {
    const { workspace, caller, subscription } = await subscribedWorkspace();
    const session = { id: "cs_test_1", object: "checkout.session", mode: "subscription", customer: subscription.customer, subscription: subscription.id };
    expect(await deliver(signedEvent("checkout.session.completed", session))).toEqual({ status: 200, body: "processed" });
    const overview = await caller.billing.overview({ tenantSlug: workspace.slug });
    expect(overview).toMatchObject({ billingEnabled: true, planName: "Standard", status: "active", access: "full", memberLimit: 30 });
    expect(overview.billingEnabled && overview.currentPeriodEnd?.getTime()).toBe(subscription.items.data[0]!.current_period_end * 1000);
  });

  it("processes a replayed event once, and records it", async () => {
    const { workspace, subscription } = await subscribedWorkspace();
    const event = signedEvent("customer.subscription.created", subscription);
    expect((await deliver(event)).body).toBe("processed");
    expect((await deliver(event)).body).toBe("duplicate");
    expect(subscriptionReads(subscription.id)).toBe(1);
    const eventId = (JSON.parse(event.payload) as { id: string }).id;
    expect(await privilegedDb().stripeEvent.count({ where: { id: eventId } })).toBe(1);
    const audit = await privilegedDb().auditEvent.count({ where: { tenantId: workspace.id, action: "billing.subscriptionChanged" } });
    expect(audit).toBe(1);
  });

  it("ends in Stripe's current state whatever order the events arrive in", async () => {
    const { workspace, subscription } = await subscribedWorkspace();
    const createdWhileActive = signedEvent("customer.subscription.created", subscription);
    subscription.status = "canceled";
    const deleted = signedEvent("customer.subscription.deleted", subscription);
    // The deletion arrives first; the creation (carrying the stale "active") arrives late.
    await deliver(deleted);
    await deliver(createdWhileActive);
    expect((await stored(workspace.id)).status).toBe("canceled");
  });

  it("a late event about an old, ended subscription does not replace the current one", async () => {
    const { workspace, subscription: old, customerId } = await subscribedWorkspace();
    await deliver(signedEvent("customer.subscription.created", old));
    old.status = "canceled";
    const renewed = stripe.fake().addSubscription(customerId, "price_network");
    await deliver(signedEvent("customer.subscription.created", renewed));
    expect(await deliver(signedEvent("customer.subscription.deleted", old))).toEqual({ status: 200, body: "staleSubscription" });
    expect(await stored(workspace.id)).toMatchObject({ stripeSubscriptionId: renewed.id, status: "active", planKey: "network" });
  });

  it("a failed payment starts the grace period once; a paid invoice ends it", async () => {
    const { workspace, subscription } = await subscribedWorkspace();
    subscription.status = "past_due";
    await deliver(signedEvent("invoice.payment_failed", newInvoice("http://x", subscription, 9900, "open")));
    const firstFailure = (await stored(workspace.id)).paymentFailedAt;
    expect(firstFailure).toBeInstanceOf(Date);
    await deliver(signedEvent("invoice.payment_failed", newInvoice("http://x", subscription, 9900, "open")));
    expect((await stored(workspace.id)).paymentFailedAt).toEqual(firstFailure);
    subscription.status = "active";
    await deliver(signedEvent("invoice.paid", newInvoice("http://x", subscription, 9900, "paid")));
    expect(await stored(workspace.id)).toMatchObject({ status: "active", paymentFailedAt: null });
  });

  it("acknowledges an event for a customer no workspace has, without touching anything", async () => {
    const subscription = stripe.fake().addSubscription("cus_nobody", "price_standard");
    expect(await deliver(signedEvent("customer.subscription.updated", subscription))).toEqual({ status: 200, body: "unknownCustomer" });
    expect(subscriptionReads(subscription.id)).toBe(0);
  });

  it("refuses unsigned and foreign-signed requests with 400, and records nothing", async () => {
    const { subscription } = await subscribedWorkspace();
    const foreign = signedEvent("customer.subscription.updated", subscription, "whsec_other");
    expect((await deliver(foreign)).status).toBe(400);
    expect((await deliver({ payload: foreign.payload, signature: "" })).status).toBe(400);
    expect(await privilegedDb().stripeEvent.count({ where: { id: (JSON.parse(foreign.payload) as { id: string }).id } })).toBe(0);
  });

  it("answers 500 when Stripe cannot be read, so that Stripe retries, and processes the retry", async () => {
    const { workspace, subscription } = await subscribedWorkspace();
    stripe.fake().subscriptions.delete(subscription.id);
    const event = signedEvent("customer.subscription.updated", subscription);
    expect((await deliver(event)).status).toBe(500);
    stripe.fake().subscriptions.set(subscription.id, subscription);
    expect(await deliver(event)).toEqual({ status: 200, body: "processed" });
    expect((await stored(workspace.id)).status).toBe("active");
  });
});
