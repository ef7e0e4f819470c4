import { startFakeStripe, eventOf, type FakeStripe } from "@vigil/billing/testing";
import Stripe from "stripe";
import { afterAll, beforeAll } from "vitest";
import { handleStripeWebhook } from "../billing/webhooks.ts";

const TEST_WEBHOOK_SECRET = "whsec_vigil_integration";
const BILLING_ENV = ["STRIPE_SECRET_KEY", "STRIPE_API_BASE", "STRIPE_WEBHOOK_SECRET", "STRIPE_PRICE_STANDARD", "STRIPE_PRICE_NETWORK", "BILLING_GRACE_DAYS"] as const;

/**
 * Turns billing on for this test file, with the SDK pointed at a local fake of Stripe's API; the
 * environment is restored afterwards so other files keep running with billing off.
 */
export function useFakeStripe(): { fake: () => FakeStripe } {
  let fake: FakeStripe | undefined;
  const saved = new Map<string, string | undefined>();
  beforeAll(async () => {
    fake = await startFakeStripe({ webhookSecret: TEST_WEBHOOK_SECRET });
    for (const name of BILLING_ENV) saved.set(name, process.env[name]);
    Object.assign(process.env, {
      STRIPE_SECRET_KEY: "sk_test_vigil", STRIPE_API_BASE: fake.url, STRIPE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
      STRIPE_PRICE_STANDARD: "price_standard", STRIPE_PRICE_NETWORK: "price_network", BILLING_GRACE_DAYS: "14",
    });
  });
  afterAll(async () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await fake?.close();
  });
  return { fake: () => fake! };
}

const signer = new Stripe("sk_test_signer");

/** A Stripe event as Stripe would deliver it: JSON, signed with the webhook secret. */
export function signedEvent(type: string, object: object, secret = TEST_WEBHOOK_SECRET) {
  const payload = JSON.stringify(eventOf(type, object));
  return { payload, signature: signer.webhooks.generateTestHeaderString({ payload, secret }) };
}

export async function deliver(event: { payload: string; signature: string }) {
  return handleStripeWebhook(event.payload, event.signature);
}
