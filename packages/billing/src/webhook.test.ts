import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { loadBillingConfig, type EnabledBillingConfig } from "./config.ts";
import { idsFromEvent, verifyWebhook, WebhookSignatureError } from "./webhook.ts";
import { eventOf, newInvoice, newSubscription } from "./testing/fake-stripe-state.ts";

const SECRET = "whsec_test_vigil";
const config = loadBillingConfig({ STRIPE_SECRET_KEY: "sk_test_x", STRIPE_WEBHOOK_SECRET: SECRET, STRIPE_PRICE_STANDARD: "price_std" }) as EnabledBillingConfig;
const signer = new Stripe("sk_test_signer");
const payload = JSON.stringify(eventOf("customer.subscription.updated", newSubscription("cus_1", "price_std")));
const sign = (body: string, options: { secret?: string; timestamp?: number } = {}) =>
  signer.webhooks.generateTestHeaderString({ payload: body, secret: options.secret ?? SECRET, timestamp: options.timestamp });

describe("webhook signature", () => {
  it("accepts Stripe's signature over the raw body", () => {
    expect(verifyWebhook(config, payload, sign(payload)).type).toBe("customer.subscription.updated");
  });

  it("refuses a body changed after signing", () => {
    const tampered = payload.replace('"active"', '"canceled"');
    expect(tampered).not.toBe(payload);
    expect(() => verifyWebhook(config, tampered, sign(payload))).toThrow(WebhookSignatureError);
  });

  it("refuses a signature made with another secret", () => {
    expect(() => verifyWebhook(config, payload, sign(payload, { secret: "whsec_someone_else" }))).toThrow(WebhookSignatureError);
  });

  it("refuses a signature older than five minutes, even if otherwise valid", () => {
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    expect(() => verifyWebhook(config, payload, sign(payload, { timestamp: sixMinutesAgo }))).toThrow(WebhookSignatureError);
    const oneMinuteAgo = Math.floor(Date.now() / 1000) - 60;
    expect(verifyWebhook(config, payload, sign(payload, { timestamp: oneMinuteAgo })).id).toMatch(/^evt_/);
  });

  it("refuses an unsigned request, and everything when no webhook secret is configured", () => {
    expect(() => verifyWebhook(config, payload, null)).toThrow(WebhookSignatureError);
    expect(() => verifyWebhook({ ...config, webhookSecret: null }, payload, sign(payload))).toThrow(WebhookSignatureError);
  });
});

describe("the ids taken from an event", () => {
  const subscription = newSubscription("cus_42", "price_std");
  it("reads customer and subscription from each handled event type, in the current API's shape", () => {
    const asEvent = (type: string, object: object) => JSON.parse(JSON.stringify(eventOf(type, object))) as Stripe.Event;
    expect(idsFromEvent(asEvent("customer.subscription.deleted", subscription))).toEqual({ customerId: "cus_42", subscriptionId: subscription.id, paymentFailed: false });
    const invoice = newInvoice("http://x", subscription, 100, "open");
    expect(idsFromEvent(asEvent("invoice.payment_failed", invoice))).toEqual({ customerId: "cus_42", subscriptionId: subscription.id, paymentFailed: true });
    const session = { id: "cs_1", object: "checkout.session", mode: "subscription", customer: "cus_42", subscription: subscription.id };
    expect(idsFromEvent(asEvent("checkout.session.completed", session))?.subscriptionId).toBe(subscription.id);
    expect(idsFromEvent(asEvent("charge.refunded", { id: "ch_1", object: "charge" }))).toBeNull();
  });
});
